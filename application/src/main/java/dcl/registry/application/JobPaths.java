package dcl.registry.application;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.job.JobParameters;
import dcl.registry.domain.model.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where jobs read and write. Each tenant has a folder of its own, {@code <jobs root>/<tenant>/},
 * created on demand: a tenant's paths resolve inside it and nowhere else, so one tenant can never
 * export into, import from, compare with or serve from another tenant's files. An operator's job
 * for all tenants resolves inside {@code <jobs root>/_all-tenants/}, a name no tenant can have
 * (tenant ids start with a letter or digit), so no tenant's folder ever holds another tenant's
 * data.
 */
public final class JobPaths {
    /**
     * The longest resolved path: the batch runtime keeps job parameters in a {@code varchar(255)},
     * so a longer path would fail inside the job store instead of being refused here.
     */
    static final int MAX_RESOLVED_LENGTH = 250;

    /** Jobs over all tenants work here: their owner's name, which no tenant id can take. */
    static final String ALL_TENANTS_FOLDER = JobParameters.ALL_TENANTS_OWNER;

    /** How errors name the two kinds of jobs folder to a caller (never by their server path). */
    static final String TENANT_FOLDER_NAME = "your tenant's jobs folder";

    static final String ALL_TENANTS_FOLDER_NAME = "the all-tenants jobs folder";

    private final Path root;

    public JobPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * A path of this tenant's, inside {@code <jobs root>/<tenant>/}; the folder is created when
     * missing.
     */
    public Path forTenant(TenantId tenant, String path) {
        return forTenant(tenant, "path", path);
    }

    /** As {@link #forTenant(TenantId, String)}, naming the request's own field in errors. */
    public Path forTenant(TenantId tenant, String field, String path) {
        return inside(created(root.resolve(tenant.value())), field, path, TENANT_FOLDER_NAME);
    }

    /** A path for an operator's job over all tenants, inside {@code <jobs root>/_all-tenants/}. */
    public Path acrossTenants(String path) {
        return inside(
                created(root.resolve(ALL_TENANTS_FOLDER)), "path", path, ALL_TENANTS_FOLDER_NAME);
    }

    private static Path inside(Path base, String field, String path, String where) {
        if (path == null || path.isBlank()) {
            throw new InvalidInput(field, "is required: a file or folder inside " + where);
        }
        Path given;
        try {
            given = Path.of(path);
        } catch (InvalidPathException e) {
            throw new InvalidInput(field, "is not a valid path");
        }
        if (given.isAbsolute()) {
            throw new InvalidInput(
                    field, "must be relative to " + where + " (absolute paths are refused)");
        }
        Path resolved = base.resolve(given).normalize();
        if (!resolved.startsWith(base)
                || !realLocation(field, resolved).startsWith(realLocation(field, base))) {
            throw new InvalidInput(
                    field, "must stay inside " + where + " ('..' and links out of it are refused)");
        }
        if (resolved.toString().length() > MAX_RESOLVED_LENGTH) {
            throw new InvalidInput(
                    field,
                    "is too long: the full path may have at most "
                            + MAX_RESOLVED_LENGTH
                            + " characters, "
                            + (MAX_RESOLVED_LENGTH - base.toString().length() - 1)
                            + " of them after "
                            + where);
        }
        return resolved;
    }

    private static Path created(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jobs folder " + folder, e);
        }
    }

    /**
     * The real location of the path or, for a path still to be created, of its nearest existing
     * ancestor.
     */
    private static Path realLocation(String field, Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            Path real = existing == null ? path : existing.toRealPath();
            return existing == null ? path : real.resolve(existing.relativize(path));
        } catch (IOException e) {
            throw new InvalidInput(field, "cannot be read");
        }
    }
}
