package dcl.registry.domain.error;

/** The tenant's canonical model has no entity of that name. */
public final class CanonicalEntityNotFound extends DomainException {
    public CanonicalEntityNotFound(String entity) {
        super("The canonical model has no entity '" + entity + "'");
    }
}
