package dcl.registry.domain.error;

/** The caller changed a version it no longer holds: someone else wrote in between. */
public final class StaleVersion extends DomainException {
    private final long current;

    public StaleVersion(long expected, long current) {
        super(
                "The mapping is at version "
                        + current
                        + ", not "
                        + expected
                        + ": it changed since you read it. Read it again and retry with If-Match:"
                        + " \""
                        + current
                        + "\".");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
