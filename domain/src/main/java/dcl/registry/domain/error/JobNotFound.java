package dcl.registry.domain.error;

/** No job with that id was started by the caller's tenant. */
public final class JobNotFound extends DomainException {
    public JobNotFound(long id) {
        super("No job " + id + " for your tenant");
    }
}
