package dcl.registry.domain.drift;

import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.DeclaredTypes;
import dcl.registry.domain.intelligence.MappingProposal;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.Transform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How drift in one table is repaired, change by change: a renamed field keeps the old target (as
 * sure as the {@link RenameEvidence}); a new field gets the configured strategy's proposal (as sure
 * as its best candidate); a removed field's mapping is to be deprecated; a field whose type changed
 * keeps its target through a cast when one fits, else a reviewer confirms or retires it. Every
 * repair of a mapped field puts that mapping under review; a change to a field nothing maps needs
 * no repair (a rename of one is a new field).
 */
public final class RepairPolicy {
    /** A field is gone for sure, yet a reviewer may know it comes back: fairly sure. */
    public static final double REMOVAL_CONFIDENCE = 0.8;

    /** A cast keeps the target, but the values may not all convert. */
    public static final double CAST_CONFIDENCE = 0.7;

    /** No transform fits the new type: a reviewer must decide, the repair proposes no answer. */
    public static final double REVIEW_CONFIDENCE = 0.5;

    private final DriftRequest drift;
    private final List<FieldMapping> served;
    private final Map<String, FieldMapping> byField;
    private final CanonicalSchema schema;
    private final Function<ProposalRequest, MappingProposal> proposeNewField;

    /**
     * @param served the table's served mappings
     * @param proposeNewField asks the configured strategy for a new field's mapping (and stores the
     *     proposal)
     */
    public RepairPolicy(
            DriftRequest drift,
            List<FieldMapping> served,
            CanonicalSchema schema,
            Function<ProposalRequest, MappingProposal> proposeNewField) {
        this.drift = drift;
        this.served = List.copyOf(served);
        this.byField = DriftAnalysis.byField(this.served);
        this.schema = schema;
        this.proposeNewField = proposeNewField;
    }

    /**
     * The changes to repair: those the runtime reported, or, when it sent the fields the table has
     * now, their {@link DriftAnalysis#diff} against the served mappings.
     */
    public List<SchemaChange> changes() {
        return drift.observed()
                .map(
                        observed ->
                                DriftAnalysis.diff(
                                        served, observed, m -> schema.typeOf(m.target())))
                .orElse(drift.changes());
    }

    /** The repairs of {@code changes}, most confident first. */
    public List<RepairDraft> repairs(List<SchemaChange> changes) {
        List<RepairDraft> drafts = new ArrayList<>();
        for (SchemaChange change : changes) {
            repair(change).ifPresent(drafts::add);
        }
        drafts.sort(
                Comparator.comparingDouble((RepairDraft d) -> d.proposal().confidence())
                        .reversed());
        return drafts;
    }

    private Optional<RepairDraft> repair(SchemaChange change) {
        if (change instanceof SchemaChange.FieldRenamed renamed) {
            return renamed(renamed);
        }
        if (change instanceof SchemaChange.FieldAdded added) {
            return Optional.of(added(added.now()));
        }
        if (change instanceof SchemaChange.FieldRemoved removed) {
            return removed(removed);
        }
        return retyped((SchemaChange.TypeChanged) change);
    }

    private Optional<RepairDraft> renamed(SchemaChange.FieldRenamed renamed) {
        FieldMapping old = byField.get(renamed.oldField().name());
        if (old == null) {
            return Optional.of(added(renamed.now()));
        }
        RenameEvidence evidence =
                RenameEvidence.of(renamed.oldField(), renamed.now(), schema.typeOf(old.target()));
        SourceRef now = source(renamed.now());
        return Optional.of(
                review(
                        new ProposedChange.RenameField(
                                old.id(), old.source(), now, old.target(), old.transform()),
                        evidence.score(),
                        "field "
                                + renamed.oldField().name()
                                + " renamed to "
                                + now.field().name()
                                + " ("
                                + evidence.explain()
                                + "): the new name takes "
                                + old.target(),
                        old));
    }

    private RepairDraft added(ObservedField field) {
        MappingProposal proposal =
                proposeNewField.apply(
                        new ProposalRequest(
                                source(field),
                                field.samples(),
                                Optional.empty(),
                                Optional.empty(),
                                field.type()));
        return new RepairDraft(
                new RepairProposal(
                        new ProposedChange.MapField(
                                proposal.source(), proposal.best().target(), Optional.empty()),
                        proposal.best().score(),
                        "new field "
                                + field.name().name()
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
                Optional.empty());
    }

    private Optional<RepairDraft> removed(SchemaChange.FieldRemoved removed) {
        FieldMapping old = byField.get(removed.field().name());
        if (old == null) {
            return Optional.empty();
        }
        return Optional.of(
                review(
                        new ProposedChange.DeprecateField(old.id(), old.source(), old.target()),
                        REMOVAL_CONFIDENCE,
                        "field "
                                + removed.field().name()
                                + " is gone: deprecate its mapping to "
                                + old.target()
                                + " (kept serving as NEEDS_REVIEW until decided)",
                        old));
    }

    private Optional<RepairDraft> retyped(SchemaChange.TypeChanged retyped) {
        FieldMapping old = byField.get(retyped.field().name());
        if (old == null) {
            return Optional.empty();
        }
        String newType = retyped.now().type().orElse("unknown");
        Optional<Transform> cast = castTo(newType, schema.typeOf(old.target()));
        String from = retyped.oldType().orElse("its former type");
        if (cast.isPresent() && !cast.equals(old.transform())) {
            return Optional.of(
                    review(
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
                            old));
        }
        return Optional.of(
                review(
                        new ProposedChange.ConfirmMapping(old.id(), old.source(), old.target()),
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
                        old));
    }

    /** A repair of a mapped field: that mapping goes under review until the repair is decided. */
    private static RepairDraft review(
            ProposedChange change, double confidence, String rationale, FieldMapping old) {
        return new RepairDraft(
                new RepairProposal(change, confidence, rationale, Optional.empty()),
                Optional.empty(),
                Optional.of(old));
    }

    private SourceRef source(ObservedField field) {
        return new SourceRef(drift.connector(), drift.table(), field.name());
    }

    /** A cast that brings values of the new source type to the canonical type, when one exists. */
    static Optional<Transform> castTo(String newSourceType, Optional<String> canonicalType) {
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
