package dcl.registry.domain.decision;

import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One decision the intelligence made, as it was made: for which field, under which configuration,
 * the strategy the configuration selected and the one that answered, the fallbacks on the way, the
 * answer, how long it took and whether it kept to its configuration ({@link Adherence}).
 *
 * @param selectionReason why {@code strategySelected} is not the configuration's own (e.g. named in
 *     the request)
 * @param rankingModel the version of the ranking model that weighed the answer (the tenant's own or
 *     the global one), when the strategy that answered has one
 * @param proposalId the stored proposal the decision produced
 */
public record Decision(
        UUID id,
        Instant at,
        TenantId tenant,
        DecisionKind kind,
        SourceRef source,
        ConfigurationSnapshot configuration,
        String strategySelected,
        Optional<String> selectionReason,
        String strategyAnswered,
        Optional<String> rankingModel,
        List<Fallback> fallbacks,
        Optional<CanonicalField> answer,
        double confidence,
        Duration latency,
        Optional<String> violation,
        Optional<UUID> proposalId) {

    public Decision {
        Objects.requireNonNull(id);
        Objects.requireNonNull(at);
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(source);
        Objects.requireNonNull(configuration);
        Objects.requireNonNull(strategySelected);
        Objects.requireNonNull(strategyAnswered);
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean violated() {
        return violation.isPresent();
    }

    /** The same decision, judged: with the violation {@link Adherence} found, or none. */
    public Decision judged(Optional<String> found) {
        return new Decision(
                id,
                at,
                tenant,
                kind,
                source,
                configuration,
                strategySelected,
                selectionReason,
                strategyAnswered,
                rankingModel,
                fallbacks,
                answer,
                confidence,
                latency,
                found,
                proposalId);
    }
}
