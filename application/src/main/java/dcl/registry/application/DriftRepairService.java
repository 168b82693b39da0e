package dcl.registry.application;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.drift.DriftAnalysis;
import dcl.registry.domain.drift.DriftRequest;
import dcl.registry.domain.drift.EstimatedImpact;
import dcl.registry.domain.drift.ObservedField;
import dcl.registry.domain.drift.RenameEvidence;
import dcl.registry.domain.drift.RepairPlan;
import dcl.registry.domain.drift.RepairProposal;
import dcl.registry.domain.drift.SchemaChange;
import dcl.registry.domain.intelligence.Candidate;
import dcl.registry.domain.intelligence.DeclaredTypes;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.StrategyAnswer;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.Lifecycle;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.in.ProposeMappingUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.StoreProposals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Drift repair: the runtime reports what changed in a source table (or what the table has now), the
 * service proposes repairs — a rename keeps the old target, a new field gets a proposal from the
 * configured strategy, a removed field's mapping is to be deprecated, a type change gets a cast or
 * a review — ranks them and queues every one for approval. Mappings whose field is gone or changed
 * become NEEDS_REVIEW at once: still served, flagged, until a reviewer decides. Wired behind the
 * rollout's {@link RegistryWriteGuard}.
 */
public class DriftRepairService implements dcl.registry.domain.port.in.RepairDriftUseCase {
    static final double REMOVAL_CONFIDENCE = 0.8;
    static final double CAST_CONFIDENCE = 0.7;
    static final double REVIEW_CONFIDENCE = 0.5;

    /** How repair proposals name their origin in the proposal store. */
    static final String STRATEGY = "drift-repair";

    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final CanonicalSchemaUseCase schemas;
    private final ProposeMappingUseCase proposer;
    private final ApprovalService approvals;
    private final StoreProposals proposals;
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
            TransactionBoundary transactions,
            Clock clock) {
        this.proposals = proposals;
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.schemas = schemas;
        this.proposer = proposer;
        this.approvals = approvals;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A repair before it is queued, with the proposal it came from (new fields) and the mapping it
     * puts under review.
     */
    private record Draft(
            RepairProposal proposal, Optional<UUID> proposalId, Optional<FieldMapping> review) {}

    @Override
    public RepairPlan repair(TenantId tenant, Actor reporter, DriftRequest drift) {
        CanonicalSchema schema = schemas.schema(tenant);
        List<FieldMapping> served =
                List.copyOf(load.table(tenant, drift.connector(), drift.table()).fields().values());
        Map<String, FieldMapping> byField = DriftAnalysis.byField(served);
        List<SchemaChange> changes =
                drift.observed()
                        .map(
                                observed ->
                                        DriftAnalysis.diff(
                                                served,
                                                observed,
                                                m -> canonicalType(schema, m.target())))
                        .orElse(drift.changes());

        List<Draft> drafts = new ArrayList<>();
        for (SchemaChange change : changes) {
            draft(tenant, reporter, drift, schema, byField, change).ifPresent(drafts::add);
        }
        drafts.sort(Comparator.comparingDouble((Draft d) -> d.proposal().confidence()).reversed());

        return transactions.inTransaction(
                () -> {
                    Instant now = clock.instant();
                    List<MappingId> marked = new ArrayList<>();
                    for (Draft d : drafts) {
                        d.review()
                                .ifPresent(
                                        m ->
                                                markForReview(
                                                                m,
                                                                reporter,
                                                                now,
                                                                d.proposal().rationale())
                                                        .ifPresent(marked::add));
                    }
                    List<RepairProposal> queued = new ArrayList<>();
                    for (Draft d : drafts) {
                        // every repair is a stored proposal too (new fields have theirs already),
                        // so it can be found and submitted by id
                        UUID proposalId =
                                d.proposalId()
                                        .orElseGet(
                                                () -> store(tenant, reporter, now, d.proposal()));
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
                                                        + d.proposal().rationale())
                                        .approval();
                        queued.add(d.proposal().queued(approval.id()));
                    }
                    return new RepairPlan(changes, queued, impact(drafts), marked);
                });
    }

    private Optional<Draft> draft(
            TenantId tenant,
            Actor reporter,
            DriftRequest drift,
            CanonicalSchema schema,
            Map<String, FieldMapping> byField,
            SchemaChange change) {
        if (change instanceof SchemaChange.FieldRenamed renamed) {
            FieldMapping old = byField.get(renamed.oldField().name());
            if (old == null) {
                return draft(
                        tenant,
                        reporter,
                        drift,
                        schema,
                        byField,
                        new SchemaChange.FieldAdded(renamed.now()));
            }
            RenameEvidence evidence =
                    RenameEvidence.of(
                            renamed.oldField(), renamed.now(), canonicalType(schema, old.target()));
            SourceRef now = source(drift, renamed.now());
            return Optional.of(
                    new Draft(
                            new RepairProposal(
                                    new ProposedChange.RenameField(
                                            old.id(),
                                            old.source(),
                                            now,
                                            old.target(),
                                            old.transform()),
                                    evidence.score(),
                                    "field "
                                            + renamed.oldField().name()
                                            + " renamed to "
                                            + now.field().name()
                                            + " ("
                                            + evidence.explain()
                                            + "): the new name takes "
                                            + old.target(),
                                    Optional.empty()),
                            Optional.empty(),
                            Optional.of(old)));
        }
        if (change instanceof SchemaChange.FieldAdded added) {
            MappingProposal proposal =
                    proposer.propose(
                            tenant,
                            reporter,
                            new ProposalRequest(
                                    source(drift, added.now()),
                                    added.now().samples(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    added.now().type()));
            return Optional.of(
                    new Draft(
                            new RepairProposal(
                                    new ProposedChange.MapField(
                                            proposal.source(),
                                            proposal.best().target(),
                                            Optional.empty()),
                                    proposal.best().score(),
                                    "new field "
                                            + added.now().name().name()
                                            + ": "
                                            + proposal.strategy()
                                            + " proposes "
                                            + proposal.best().target()
                                            + " ("
                                            + proposal.best().reasoning()
                                            + ")"
                                            + (proposal.degraded().isEmpty()
                                                    ? ""
                                                    : "; degraded " + proposal.degraded()),
                                    Optional.empty()),
                            Optional.of(proposal.id()),
                            Optional.empty()));
        }
        if (change instanceof SchemaChange.FieldRemoved removed) {
            FieldMapping old = byField.get(removed.field().name());
            if (old == null) {
                return Optional.empty(); // nothing mapped it: nothing to repair
            }
            return Optional.of(
                    new Draft(
                            new RepairProposal(
                                    new ProposedChange.DeprecateField(
                                            old.id(), old.source(), old.target()),
                                    REMOVAL_CONFIDENCE,
                                    "field "
                                            + removed.field().name()
                                            + " is gone: deprecate its mapping to "
                                            + old.target()
                                            + " (kept serving as NEEDS_REVIEW until decided)",
                                    Optional.empty()),
                            Optional.empty(),
                            Optional.of(old)));
        }
        SchemaChange.TypeChanged retyped = (SchemaChange.TypeChanged) change;
        FieldMapping old = byField.get(retyped.field().name());
        if (old == null) {
            return Optional.empty();
        }
        String newType = retyped.now().type().orElse("unknown");
        Optional<Transform> cast = castTo(newType, canonicalType(schema, old.target()));
        String from = retyped.oldType().orElse("its former type");
        if (cast.isPresent() && !cast.equals(old.transform())) {
            return Optional.of(
                    new Draft(
                            new RepairProposal(
                                    new ProposedChange.MapField(old.source(), old.target(), cast),
                                    CAST_CONFIDENCE,
                                    "field "
                                            + retyped.field().name()
                                            + " changed from "
                                            + from
                                            + " to "
                                            + newType
                                            + ": keep "
                                            + old.target()
                                            + " through a "
                                            + cast.get().type()
                                            + " transform",
                                    Optional.empty()),
                            Optional.empty(),
                            Optional.of(old)));
        }
        return Optional.of(
                new Draft(
                        new RepairProposal(
                                new ProposedChange.ConfirmMapping(
                                        old.id(), old.source(), old.target()),
                                REVIEW_CONFIDENCE,
                                "field "
                                        + retyped.field().name()
                                        + " changed from "
                                        + from
                                        + " to "
                                        + newType
                                        + ": no transform fits; a reviewer confirms or retires the"
                                        + " mapping to "
                                        + old.target(),
                                Optional.empty()),
                        Optional.empty(),
                        Optional.of(old)));
    }

    private UUID store(TenantId tenant, Actor reporter, Instant now, RepairProposal repair) {
        ProposedChange change = repair.change();
        MappingProposal proposal =
                new MappingProposal(
                        UUID.randomUUID(),
                        tenant,
                        change.source(),
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

    private static EstimatedImpact impact(List<Draft> drafts) {
        Set<MappingId> mappings = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<CanonicalField> canonical = new LinkedHashSet<>();
        for (Draft d : drafts) {
            ProposedChange change = d.proposal().change();
            d.review().ifPresent(m -> mappings.add(m.id()));
            tables.add(change.source().connector().value() + "/" + change.source().table().key());
            canonical.add(change.target());
        }
        return new EstimatedImpact(mappings.size(), tables.size(), canonical.size());
    }

    private static SourceRef source(DriftRequest drift, ObservedField field) {
        return new SourceRef(drift.connector(), drift.table(), field.name());
    }

    private static Optional<String> canonicalType(CanonicalSchema schema, CanonicalField target) {
        return schema.entity(target.entity())
                .flatMap(
                        e ->
                                e.fields().stream()
                                        .filter(f -> f.name().equals(target.field()))
                                        .findFirst())
                .flatMap(f -> f.type());
    }

    /** A cast that brings values of the new source type to the canonical type, when one exists. */
    private static Optional<Transform> castTo(
            String newSourceType, Optional<String> canonicalType) {
        String canonical = canonicalType.orElse("").toLowerCase(Locale.ROOT);
        String source = newSourceType.toLowerCase(Locale.ROOT);
        if (DeclaredTypes.isNumeric(canonical) && !DeclaredTypes.isNumeric(source)) {
            return Optional.of(new Transform.ToNumber());
        }
        if (canonical.equals("boolean") && !source.equals("boolean")) {
            return Optional.of(new Transform.ToBoolean());
        }
        return Optional.empty();
    }
}
