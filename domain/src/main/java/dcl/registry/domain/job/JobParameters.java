package dcl.registry.domain.job;

/**
 * The names of the parameters a job is started with: what the starter sets and the job's artifacts
 * read back.
 */
public final class JobParameters {
    /** The owner: the tenant's id, or {@link #ALL_TENANTS_OWNER}. */
    public static final String TENANT = "tenant";

    public static final String ACTOR = "actor";
    public static final String PATH = "path";
    public static final String DRY_RUN = "dryRun";
    public static final String ALL_TENANTS = "allTenants";

    /**
     * The owner recorded for jobs over all tenants, and the name of their folder: tenant ids start
     * with a letter or digit, so none can be this name.
     */
    public static final String ALL_TENANTS_OWNER = "_all-tenants";

    /** How many scheduled backups to keep; only scheduled backups have it. */
    public static final String BACKUP_KEEP = "keep";

    /** The folder the kept backups are counted in. */
    public static final String BACKUP_ROOT = "backupRoot";

    private JobParameters() {}
}
