package dcl.registry.application;

import dcl.registry.domain.error.MappingNotFound;
import dcl.registry.domain.intelligence.ConfidenceAssessment;
import dcl.registry.domain.intelligence.ConfidenceWeights;
import dcl.registry.domain.intelligence.ValidationResults;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CalculateConfidenceUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.util.Optional;

/**
 * Computes the weighted confidence and stores it on the mapping as a new, audited version. Wired
 * behind the rollout's {@link RegistryWriteGuard}.
 */
public class ConfidenceService implements CalculateConfidenceUseCase {
    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;
    private final ConfidenceWeights weights;

    public ConfidenceService(
            LoadMappings load,
            StoreMappings store,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            ConfidenceWeights weights) {
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.weights = weights;
    }

    @Override
    public ConfidenceAssessment calculate(
            TenantId tenant, Actor actor, MappingId id, ValidationResults results) {
        return OwnWrites.retriedOnNewerVersion(() -> calculateOnce(tenant, actor, id, results));
    }

    private ConfidenceAssessment calculateOnce(
            TenantId tenant, Actor actor, MappingId id, ValidationResults results) {
        return transactions.inTransaction(
                () -> {
                    FieldMapping current =
                            load.byId(tenant, id)
                                    .orElseThrow(() -> new MappingNotFound("id " + id));
                    ConfidenceAssessment assessment =
                            ConfidenceAssessment.of(current, results, weights);
                    FieldMapping scored =
                            current.retarget(
                                    current.target(),
                                    current.transform(),
                                    new Confidence(assessment.score()),
                                    actor,
                                    clock.instant());
                    FieldMapping stored = store.update(scored);
                    audit.record(
                            MappingChange.of(
                                    ChangeAction.UPDATED,
                                    Optional.of(current),
                                    stored,
                                    Optional.of(
                                            "confidence recalculated: " + assessment.factors())));
                    return assessment;
                });
    }
}
