package dcl.registry.adapters.persistence;

import dcl.registry.domain.approval.Approval;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/** The JSON body a webhook receives for an approval event; stored as it will be sent. */
final class ApprovalEventJson {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ApprovalEventJson() {}

    static String write(String event, Approval approval) {
        JsonObjectBuilder a =
                JSON.createObjectBuilder()
                        .add("id", approval.id().toString())
                        .add("status", approval.status().wireName())
                        .add("type", approval.change().type())
                        .add("source", approval.change().source().toString())
                        .add("target", approval.change().target().toString())
                        .add("confidence", approval.confidence())
                        .add("submittedBy", approval.submittedBy().subject())
                        .add("reason", approval.reason() == null ? "" : approval.reason());
        approval.decidedBy().ifPresent(d -> a.add("decidedBy", d.subject()));
        approval.notes().ifPresent(n -> a.add("notes", n));
        return JSON.createObjectBuilder()
                .add("event", event)
                .add("tenant", approval.tenant().value())
                .add("occurredAt", occurredAt(approval).toString())
                .add("approval", a)
                .build()
                .toString();
    }

    /** When the event happened: the decision, or else the submission. */
    static Instant occurredAt(Approval approval) {
        return approval.decidedAt().orElse(approval.submittedAt());
    }
}
