package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The stored JSON forms of transforms and of mapping snapshots (audit before/after). */
final class MappingJson {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private MappingJson() {}

    static String transform(Optional<Transform> transform) {
        return transform.map(t -> transformObject(t).toString()).orElse(null);
    }

    static Optional<Transform> transform(String json) {
        if (json == null) {
            return Optional.empty();
        }
        return Optional.of(transform(parse(json)));
    }

    static String snapshot(FieldMapping m) {
        JsonObjectBuilder b =
                JSON.createObjectBuilder()
                        .add("id", m.id().toString())
                        .add("tenant", m.tenant().value())
                        .add("connector", m.source().connector().value())
                        .add("sourceTable", m.source().table().name())
                        .add("sourceField", m.source().field().name())
                        .add("canonicalEntity", m.target().entity())
                        .add("canonicalField", m.target().field())
                        .add("confidence", m.confidence().value())
                        .add("status", m.status().name())
                        .add("version", m.version())
                        .add("provenance", m.provenance().name())
                        .add("createdAt", m.createdAt().toString())
                        .add("updatedAt", m.updatedAt().toString())
                        .add("updatedBy", m.updatedBy().subject());
        m.transform()
                .ifPresentOrElse(
                        t -> b.add("transform", transformObject(t)), () -> b.addNull("transform"));
        return b.build().toString();
    }

    static Optional<FieldMapping> snapshot(String json) {
        if (json == null) {
            return Optional.empty();
        }
        JsonObject o = parse(json);
        JsonValue transform = o.get("transform");
        return Optional.of(
                new FieldMapping(
                        MappingId.parse(o.getString("id")),
                        new TenantId(o.getString("tenant")),
                        new SourceRef(
                                new ConnectorId(o.getString("connector")),
                                new SourceTable(o.getString("sourceTable")),
                                new SourceField(o.getString("sourceField"))),
                        new CanonicalField(
                                o.getString("canonicalEntity"), o.getString("canonicalField")),
                        transform == null || transform.getValueType() == JsonValue.ValueType.NULL
                                ? Optional.empty()
                                : Optional.of(transform(transform.asJsonObject())),
                        new Confidence(o.getJsonNumber("confidence").doubleValue()),
                        MappingStatus.valueOf(o.getString("status")),
                        o.getJsonNumber("version").longValue(),
                        Provenance.valueOf(o.getString("provenance")),
                        Instant.parse(o.getString("createdAt")),
                        Instant.parse(o.getString("updatedAt")),
                        new Actor(o.getString("updatedBy"))));
    }

    private static JsonObject transformObject(Transform t) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", t.type());
        if (t instanceof Transform.ToDate date) {
            b.add("format", date.format());
        }
        if (t instanceof Transform.ValueMap map) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            map.values().forEach(values::add);
            b.add("values", values);
        }
        return b.build();
    }

    private static Transform transform(JsonObject o) {
        Map<String, String> values = null;
        if (o.containsKey("values")) {
            values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.getJsonObject("values").entrySet()) {
                values.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        return Transform.of(o.getString("type"), o.getString("format", null), values);
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
