package dcl.registry.domain.error;

/**
 * No mapping with that identity or id exists for the caller's tenant (other tenants are invisible).
 */
public final class MappingNotFound extends DomainException {
    public MappingNotFound(String what) {
        super("No mapping found for " + what);
    }
}
