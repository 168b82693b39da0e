package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.drift.DriftRequest;
import dcl.registry.domain.drift.ObservedField;
import dcl.registry.domain.drift.SchemaChange;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.intelligence.SampleValues;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceTable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Body of {@code POST /dcl/intelligence/repair-drift}, in either form: {@code
 * {driftEvent:{connector, sourceTable, detectedAt?}, schemaDiff:{changeType, oldField?, newField?,
 * removedField?, field?, oldType?, newType?, samples?}}} or {@code {connector, sourceTable,
 * observedFields:[{name, type?, samples?}]}}.
 */
public record RepairDriftRequest(
        DriftEvent driftEvent,
        SchemaDiff schemaDiff,
        String connector,
        String sourceTable,
        List<Observed> observedFields) {
    /** Where and when the runtime saw the drift. */
    public record DriftEvent(String connector, String sourceTable, String detectedAt) {}

    /** One detected change. */
    public record SchemaDiff(
            String changeType,
            String oldField,
            String newField,
            String removedField,
            String field,
            String oldType,
            String newType,
            String type,
            List<String> samples) {}

    /** A field as the runtime observes it now. */
    public record Observed(String name, String type, List<String> samples) {}

    DriftRequest toDomain() {
        Violations v = new Violations();
        boolean diffForm = driftEvent != null || schemaDiff != null;
        boolean observedForm = observedFields != null;
        if (diffForm == observedForm) {
            throw new InvalidInput(
                    "body",
                    "send either {driftEvent, schemaDiff} or {connector, sourceTable,"
                            + " observedFields}");
        }
        if (diffForm) {
            if (driftEvent == null || schemaDiff == null) {
                throw new InvalidInput(
                        driftEvent == null ? "driftEvent" : "schemaDiff",
                        "is required with the diff form");
            }
            ConnectorId c = v.check(() -> new ConnectorId(driftEvent.connector()));
            SourceTable t = v.check(() -> new SourceTable(driftEvent.sourceTable()));
            Optional<Instant> at = Optional.empty();
            if (driftEvent.detectedAt() != null) {
                try {
                    at = Optional.of(Instant.parse(driftEvent.detectedAt()));
                } catch (DateTimeParseException notAnInstant) {
                    v.add(
                            "driftEvent.detectedAt",
                            "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z");
                }
            }
            SchemaChange change = change(v);
            v.throwIfAny();
            return new DriftRequest(c, t, at, List.of(change), Optional.empty());
        }
        ConnectorId c = v.check(() -> new ConnectorId(connector));
        SourceTable t = v.check(() -> new SourceTable(sourceTable));
        if (observedFields.size() > DriftRequest.MAX_OBSERVED_FIELDS) {
            v.add("observedFields", "at most " + DriftRequest.MAX_OBSERVED_FIELDS + " fields");
        }
        List<ObservedField> observed = new ArrayList<>();
        for (int i = 0; i < observedFields.size() && i < DriftRequest.MAX_OBSERVED_FIELDS; i++) {
            Observed o = observedFields.get(i);
            String at = "observedFields[" + i + "]";
            if (o == null) {
                v.add(at, "must be {name, type?, samples?}");
                continue;
            }
            SourceField name = v.check(() -> new SourceField(o.name()));
            if (name != null) {
                observed.add(
                        new ObservedField(
                                name,
                                Optional.ofNullable(o.type()),
                                samples(v, at + ".samples", o.samples())));
            }
        }
        v.throwIfAny();
        return new DriftRequest(c, t, Optional.empty(), List.of(), Optional.of(observed));
    }

    private SchemaChange change(Violations v) {
        SchemaDiff d = schemaDiff;
        String type = d.changeType() == null ? "" : d.changeType().trim().toLowerCase(Locale.ROOT);
        List<String> samples = samples(v, "schemaDiff.samples", d.samples());
        switch (type) {
            case "field_renamed" -> {
                SourceField from = field(v, "schemaDiff.oldField", d.oldField());
                SourceField to = field(v, "schemaDiff.newField", d.newField());
                return to == null || from == null
                        ? null
                        : new SchemaChange.FieldRenamed(
                                from,
                                new ObservedField(to, Optional.ofNullable(d.newType()), samples));
            }
            case "field_added" -> {
                SourceField added = field(v, "schemaDiff.newField", first(d.newField(), d.field()));
                return added == null
                        ? null
                        : new SchemaChange.FieldAdded(
                                new ObservedField(
                                        added,
                                        Optional.ofNullable(first(d.newType(), d.type())),
                                        samples));
            }
            case "field_removed" -> {
                SourceField removed =
                        field(v, "schemaDiff.removedField", first(d.removedField(), d.field()));
                return removed == null ? null : new SchemaChange.FieldRemoved(removed);
            }
            case "type_changed" -> {
                SourceField changed = field(v, "schemaDiff.field", d.field());
                if (d.newType() == null || d.newType().isBlank()) {
                    v.add("schemaDiff.newType", "is required for type_changed");
                }
                return changed == null
                        ? null
                        : new SchemaChange.TypeChanged(
                                changed,
                                Optional.ofNullable(d.oldType()),
                                new ObservedField(
                                        changed, Optional.ofNullable(d.newType()), samples));
            }
            default -> {
                v.add(
                        "schemaDiff.changeType",
                        "must be one of field_renamed, field_added, field_removed, type_changed");
                return null;
            }
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static SourceField field(Violations v, String name, String value) {
        if (value == null) {
            v.add(name, "is required for this changeType");
            return null;
        }
        try {
            return new SourceField(value);
        } catch (
                InvalidInput invalid) { // reported under this request's own name for the field, not
            // SourceField's
            invalid.violations().forEach(x -> v.add(name, x.message()));
            return null;
        }
    }

    /** The samples, or none when they break the rule (then reported, and nothing is built). */
    private static List<String> samples(Violations v, String name, List<String> samples) {
        List<String> checked = v.check(() -> SampleValues.of(name, samples));
        return checked == null ? List.of() : checked;
    }
}
