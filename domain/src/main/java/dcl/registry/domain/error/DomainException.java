package dcl.registry.domain.error;

/** Base of every error a caller can cause; the message is safe to show to that caller. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
