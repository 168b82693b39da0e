package dcl.registry.application.archfixture;

/**
 * A deliberate violation, for testing the use-case rule: a service no inbound port describes (as
 * WebhookService was), so driving adapters could only reach it as a class.
 */
public class UnportedService {
    public int deliverDue(int limit) {
        return limit;
    }
}
