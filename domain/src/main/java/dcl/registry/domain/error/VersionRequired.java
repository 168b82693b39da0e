package dcl.registry.domain.error;

/** A change to an existing mapping must name the version it was based on, so no update is lost. */
public final class VersionRequired extends DomainException {
    public VersionRequired() {
        super(
                "This change needs the version you read: send If-Match with the mapping's ETag"
                        + " (GET /dcl/mappings/{id} returns it).");
    }
}
