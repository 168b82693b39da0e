package dcl.registry.adapters.persistence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.CanonicalSchemas;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Canonical schemas in PostgreSQL: one row per entity, its fields as JSON. */
@DatabaseAdapter
class JpaCanonicalSchemas implements CanonicalSchemas {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public Optional<CanonicalSchema> find(TenantId tenant) {
        List<?> installed =
                em.createNativeQuery("SELECT 1 FROM canonical_tenants WHERE tenant_id = ?1")
                        .setParameter(1, tenant.value())
                        .getResultList();
        if (installed.isEmpty()) {
            return Optional.empty();
        }
        List<?> rows =
                em.createNativeQuery(
                                "SELECT name, description, fields FROM canonical_entities WHERE"
                                        + " tenant_id = ?1 ORDER BY name")
                        .setParameter(1, tenant.value())
                        .getResultList();
        List<CanonicalEntity> entities = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            entities.add(
                    new CanonicalEntity(
                            (String) c[0],
                            Optional.ofNullable((String) c[1]),
                            fields((String) c[2])));
        }
        return Optional.of(new CanonicalSchema(entities));
    }

    @Override
    public void install(TenantId tenant, CanonicalSchema schema, String actor) {
        int claimed =
                em.createNativeQuery(
                                "INSERT INTO canonical_tenants (tenant_id, installed_by) VALUES"
                                        + " (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, tenant.value())
                        .setParameter(2, actor)
                        .executeUpdate();
        if (claimed == 1) {
            schema.entities().forEach(entity -> save(tenant, entity, actor));
        }
    }

    @Override
    public void save(TenantId tenant, CanonicalEntity entity, String actor) {
        em.createNativeQuery(
                        "INSERT INTO canonical_entities (tenant_id, name, description, fields,"
                                + " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, now(), ?5) ON"
                                + " CONFLICT (tenant_id, name) DO UPDATE SET description ="
                                + " EXCLUDED.description, fields = EXCLUDED.fields, updated_at = now(),"
                                + " updated_by = EXCLUDED.updated_by")
                .setParameter(1, tenant.value())
                .setParameter(2, entity.name())
                .setParameter(3, entity.description().orElse(null))
                .setParameter(4, json(entity.fields()))
                .setParameter(5, actor)
                .executeUpdate();
    }

    @Override
    public boolean remove(TenantId tenant, String entity) {
        return em.createNativeQuery(
                                "DELETE FROM canonical_entities WHERE tenant_id = ?1 AND name = ?2")
                        .setParameter(1, tenant.value())
                        .setParameter(2, entity)
                        .executeUpdate()
                == 1;
    }

    private static String json(List<CanonicalFieldDefinition> fields) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (CanonicalFieldDefinition f : fields) {
            var o = JSON.createObjectBuilder().add("name", f.name());
            f.type().ifPresent(t -> o.add("type", t));
            f.description().ifPresent(d -> o.add("description", d));
            if (!f.enumValues().isEmpty()) {
                JsonArrayBuilder values = JSON.createArrayBuilder();
                f.enumValues().forEach(values::add);
                o.add("enumValues", values);
            }
            array.add(o);
        }
        return array.build().toString();
    }

    private static List<CanonicalFieldDefinition> fields(String json) {
        List<CanonicalFieldDefinition> fields = new ArrayList<>();
        try (var reader = JSON.createReader(new StringReader(json))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject o = value.asJsonObject();
                fields.add(
                        new CanonicalFieldDefinition(
                                o.getString("name"),
                                Optional.ofNullable(o.getString("type", null)),
                                Optional.ofNullable(o.getString("description", null)),
                                o.containsKey("enumValues")
                                        ? o
                                                .getJsonArray("enumValues")
                                                .getValuesAs(JsonString.class)
                                                .stream()
                                                .map(JsonString::getString)
                                                .toList()
                                        : List.of()));
            }
        }
        return fields;
    }
}
