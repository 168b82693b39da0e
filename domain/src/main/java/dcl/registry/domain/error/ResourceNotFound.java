package dcl.registry.domain.error;

/**
 * No such approval, proposal or webhook for this tenant (another tenant's look the same: absent).
 */
public final class ResourceNotFound extends DomainException {
    public ResourceNotFound(String what) {
        super(what + " was not found");
    }
}
