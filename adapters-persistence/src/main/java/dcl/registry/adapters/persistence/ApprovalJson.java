package dcl.registry.adapters.persistence;

import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.Transform;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;

/** The stored JSON form of a proposed change. */
final class ApprovalJson {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ApprovalJson() {}

    static String write(ProposedChange change) {
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("type", change.type())
                        .add("source", source(change.source()));
        if (change instanceof ProposedChange.MapField m) {
            o.add("target", m.target().toString());
            transform(o, m.transform());
        } else if (change instanceof ProposedChange.RenameField r) {
            o.add("target", r.target().toString())
                    .add("previous", r.previous().toString())
                    .add("oldSource", source(r.oldSource()));
            transform(o, r.transform());
        } else if (change instanceof ProposedChange.DeprecateField d) {
            o.add("target", d.target().toString()).add("mapping", d.mapping().toString());
        } else if (change instanceof ProposedChange.ConfirmMapping c) {
            o.add("target", c.target().toString()).add("mapping", c.mapping().toString());
        }
        return o.build().toString();
    }

    static ProposedChange read(String json) {
        JsonObject o = JSON.createReader(new StringReader(json)).readObject();
        SourceRef source = source(o.getJsonObject("source"));
        CanonicalField target = CanonicalField.parse(o.getString("target"));
        return switch (o.getString("type")) {
            case "map_field" -> new ProposedChange.MapField(source, target, transform(o));
            case "rename_field" ->
                    new ProposedChange.RenameField(
                            MappingId.parse(o.getString("previous")),
                            source(o.getJsonObject("oldSource")),
                            source,
                            target,
                            transform(o));
            case "deprecate_field" ->
                    new ProposedChange.DeprecateField(
                            MappingId.parse(o.getString("mapping")), source, target);
            case "confirm_mapping" ->
                    new ProposedChange.ConfirmMapping(
                            MappingId.parse(o.getString("mapping")), source, target);
            default ->
                    throw new IllegalStateException(
                            "unknown stored change type " + o.getString("type"));
        };
    }

    private static void transform(JsonObjectBuilder o, Optional<Transform> transform) {
        String json = MappingJson.transform(transform);
        if (json != null) {
            o.add("transform", json);
        }
    }

    private static Optional<Transform> transform(JsonObject o) {
        return MappingJson.transform(o.containsKey("transform") ? o.getString("transform") : null);
    }

    private static JsonObject source(SourceRef s) {
        return JSON.createObjectBuilder()
                .add("connector", s.connector().value())
                .add("table", s.table().name())
                .add("field", s.field().name())
                .build();
    }

    private static SourceRef source(JsonObject o) {
        return new SourceRef(
                new ConnectorId(o.getString("connector")),
                new SourceTable(o.getString("table")),
                new SourceField(o.getString("field")));
    }
}
