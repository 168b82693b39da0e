package dcl.registry.application;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.decision.Adherence;
import dcl.registry.domain.drift.DriftRequest;
import dcl.registry.domain.drift.EstimatedImpact;
import dcl.registry.domain.drift.RepairDraft;
import dcl.registry.domain.drift.RepairPlan;
import dcl.registry.domain.drift.RepairPolicy;
import dcl.registry.domain.drift.RepairProposal;
import dcl.registry.domain.drift.SchemaChange;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.Lifecycle;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.in.ProposeMappingUseCase;
import dcl.registry.domain.port.in.RepairDriftUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drift repair: the runtime reports what changed in a source table (or what the table has now), the
 * {@link RepairPolicy} proposes and ranks the repairs, and the service queues every one for
 * approval. Mappings whose field is gone or changed become NEEDS_REVIEW at once: still served,
 * flagged, until a reviewer decides. Wired behind the rollout's {@link RegistryWriteGuard}.
 */
public class DriftRepairService implements RepairDriftUseCase {
    /** How repair proposals name their origin in the proposal store. */
    static final String STRATEGY = Adherence.DRIFT_REPAIR;

    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final CanonicalSchemaUseCase schemas;
    private final ProposeMappingUseCase proposer;
    private final ApprovalService approvals;
    private final StoreProposals proposals;
    private final DecisionService decisions;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public DriftRepairService(
            LoadMappings load,
            StoreMappings store,
            AuditTrail audit,
            CanonicalSchemaUseCase schemas,
            ProposeMappingUseCase proposer,
            ApprovalService approvals,
            StoreProposals proposals,
            DecisionService decisions,
            TransactionBoundary transactions,
            Clock clock) {
        this.proposals = proposals;
        this.decisions = decisions;
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.schemas = schemas;
        this.proposer = proposer;
        this.approvals = approvals;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RepairPlan repair(TenantId tenant, Actor reporter, DriftRequest drift) {
        long started = System.nanoTime();
        CanonicalSchema schema = schemas.schema(tenant);
        List<FieldMapping> served =
                List.copyOf(load.table(tenant, drift.connector(), drift.table()).fields().values());
        RepairPolicy policy =
                new RepairPolicy(
                        drift,
                        served,
                        schema,
                        request ->
                                proposer.propose(
                                        tenant, reporter, request, AlternativesWanted.BY_DEFAULT));
        List<SchemaChange> changes = policy.changes();
        List<RepairDraft> drafts = policy.repairs(changes);
        Duration decidedIn = Duration.ofNanos(System.nanoTime() - started);

        return OwnWrites.retriedOnNewerVersion(
                () ->
                        transactions.inTransaction(
                                () ->
                                        markAndQueue(
                                                tenant, reporter, drift, changes, drafts,
                                                decidedIn)));
    }

    /**
     * Marks the mappings whose fields changed for review and queues every repair for approval, each
     * a stored proposal: one transaction.
     */
    private RepairPlan markAndQueue(
            TenantId tenant,
            Actor reporter,
            DriftRequest drift,
            List<SchemaChange> changes,
            List<RepairDraft> drafts,
            Duration decidedIn) {
        Instant now = clock.instant();
        List<MappingId> marked = new ArrayList<>();
        for (RepairDraft d : drafts) {
            d.review()
                    .ifPresent(
                            m ->
                                    markForReview(m, reporter, now, d.proposal().rationale())
                                            .ifPresent(marked::add));
        }
        List<RepairProposal> queued = new ArrayList<>();
        for (RepairDraft d : drafts) {
            // every repair is a stored proposal too (new fields have theirs already), so it can
            // be found and submitted by id
            UUID proposalId =
                    d.proposalId()
                            .orElseGet(() -> store(tenant, reporter, now, d.proposal(), decidedIn));
            Approval approval =
                    approvals
                            .queue(
                                    tenant,
                                    d.proposal().change(),
                                    d.proposal().confidence(),
                                    Optional.of(proposalId),
                                    reporter,
                                    "drift repair for "
                                            + drift.connector().value()
                                            + "/"
                                            + drift.table().name()
                                            + ": "
                                            + d.proposal().rationale()
                                            + "; impact: "
                                            + EstimatedImpact.of(List.of(d)).describe())
                            .approval();
            queued.add(d.proposal().queued(approval.id()));
        }
        return new RepairPlan(changes, queued, EstimatedImpact.of(drafts), marked);
    }

    private UUID store(
            TenantId tenant,
            Actor reporter,
            Instant now,
            RepairProposal repair,
            Duration decidedIn) {
        ProposedChange change = repair.change();
        MappingProposal proposal =
                new MappingProposal(
                        UUID.randomUUID(),
                        tenant,
                        change.source(),
                        List.of(),
                        new StrategyAnswer(
                                STRATEGY + ":" + change.type(),
                                List.of(
                                        new Candidate(
                                                change.target(),
                                                repair.confidence(),
                                                repair.rationale())),
                                List.of(),
                                Optional.empty(),
                                List.of()),
                        now,
                        reporter);
        proposals.save(proposal);
        decisions.recordRepair(proposal, decidedIn);
        return proposal.id();
    }

    private Optional<MappingId> markForReview(
            FieldMapping mapping, Actor reporter, Instant now, String why) {
        FieldMapping current = load.byId(mapping.tenant(), mapping.id()).orElse(mapping);
        if (current.status() != MappingStatus.ACTIVE) {
            return Optional.empty(); // already under review (or no longer served): nothing to flag
        }
        Lifecycle.require("mapping " + current.id(), current.status(), MappingStatus.NEEDS_REVIEW);
        FieldMapping stored =
                store.update(current.withStatus(MappingStatus.NEEDS_REVIEW, reporter, now));
        audit.record(
                MappingChange.of(
                        ChangeAction.UPDATED,
                        Optional.of(current),
                        stored,
                        Optional.of("drift: " + why)));
        return Optional.of(stored.id());
    }
}
