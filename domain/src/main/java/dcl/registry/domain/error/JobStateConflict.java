package dcl.registry.domain.error;

/** The job is not in a state that allows this (e.g. restarting a job that is still running). */
public final class JobStateConflict extends DomainException {
    public JobStateConflict(String message) {
        super(message);
    }
}
