package dcl.registry.domain.port.in;

/** Sends the approval events waiting in the outbox, off every request (driven by a scheduler). */
public interface DeliverWebhooksUseCase {
    /** Sends what is due (any tenant); returns how many attempts were made. */
    int deliverDue(int limit);
}
