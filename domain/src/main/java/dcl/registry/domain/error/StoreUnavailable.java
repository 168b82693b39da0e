package dcl.registry.domain.error;

/** The mapping store cannot be reached; nothing was written. The caller should retry later. */
public final class StoreUnavailable extends DomainException {
    public static final int RETRY_AFTER_SECONDS = 5;

    public StoreUnavailable() {
        super(
                "The mapping store is unavailable; nothing was written. Cached lookups keep"
                        + " working. Retry in "
                        + RETRY_AFTER_SECONDS
                        + " seconds.");
    }
}
