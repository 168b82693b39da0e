package dcl.registry.domain.error;

/** The caller is known but its role does not allow this (403). */
public final class NotPermitted extends DomainException {
    public NotPermitted(String what) {
        super(what);
    }
}
