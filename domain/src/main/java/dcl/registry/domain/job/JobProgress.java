package dcl.registry.domain.job;

/** How far a job is: items in all, done so far, and of those, failed (rejected, mismatched). */
public record JobProgress(long total, long processed, long failed) {
    public static final JobProgress NONE = new JobProgress(0, 0, 0);
}
