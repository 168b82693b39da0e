package dcl.registry.domain.model;

import dcl.registry.domain.error.Violations;
import java.util.Optional;

/**
 * The identity a replacement restates, each part optional: a client that PUTs back the
 * representation it read (or PATCHes it) sends the mapping's id, connector, sourceTable and
 * sourceField along. A mapping's identity never changes, so what is stated must be the stored
 * identity, compared as identities are: the connector lower-case, the table case-insensitively, the
 * field exactly.
 */
public record StatedIdentity(
        Optional<MappingId> id,
        Optional<ConnectorId> connector,
        Optional<SourceTable> table,
        Optional<SourceField> field) {

    /** Nothing stated: a body with only the changeable fields. */
    public static final StatedIdentity NONE =
            new StatedIdentity(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public StatedIdentity {
        if (id == null || connector == null || table == null || field == null) {
            throw new IllegalArgumentException(
                    "id, connector, table and field must be present or empty, not null");
        }
    }

    /**
     * Refuses, naming every part that differs, a statement that is not {@code stored}'s identity.
     *
     * @throws dcl.registry.domain.error.InvalidInput listing each differing part (id, connector,
     *     sourceTable, sourceField)
     */
    public void requireSameAs(FieldMapping stored) {
        Violations violations = new Violations();
        SourceRef source = stored.source();
        id.filter(i -> !i.equals(stored.id()))
                .ifPresent(
                        i ->
                                violations.add(
                                        "id", differs("id", stored.id().toString(), i.toString())));
        connector
                .filter(c -> !c.equals(source.connector()))
                .ifPresent(
                        c ->
                                violations.add(
                                        "connector",
                                        differs(
                                                "connector",
                                                source.connector().value(),
                                                c.value())));
        table.filter(t -> !t.sameAs(source.table()))
                .ifPresent(
                        t ->
                                violations.add(
                                        "sourceTable",
                                        differs("sourceTable", source.table().name(), t.name())
                                                + " (compared case-insensitively)"));
        field.filter(f -> !f.equals(source.field()))
                .ifPresent(
                        f ->
                                violations.add(
                                        "sourceField",
                                        differs("sourceField", source.field().name(), f.name())
                                                + " (compared exactly)"));
        violations.throwIfAny();
    }

    private static String differs(String part, String stored, String stated) {
        return "is '"
                + stored
                + "' for this mapping, not '"
                + stated
                + "': "
                + part
                + " is part of a mapping's identity, which PUT and PATCH cannot change (send it"
                + " unchanged or leave it out; to map another source field, POST /dcl/mappings and"
                + " DELETE this one)";
    }
}
