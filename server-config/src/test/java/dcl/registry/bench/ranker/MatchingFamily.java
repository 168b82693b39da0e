package dcl.registry.bench.ranker;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One family of a field-matching ground truth (the format of ../shared/bench/dev/README.md): a
 * canonical model, source fields with their right targets, and source fields without any.
 */
record MatchingFamily(
        String name, CanonicalSchema schema, List<Field> cases, List<Field> unmatched) {

    /**
     * A source field as a proposal request, with the targets that are right for it (none:
     * unmatched).
     */
    record Field(
            ProposalRequest request, Optional<CanonicalField> expected, Set<CanonicalField> right) {
        String connector() {
            return request.source().connector().value();
        }

        /** This field known by its names and descriptions only: no sample values, no type. */
        Field namesOnly() {
            return new Field(
                    new ProposalRequest(
                            request.source(),
                            List.of(),
                            request.description(),
                            request.tableDescription(),
                            Optional.empty()),
                    expected,
                    right);
        }

        /** This field arriving in another table, one that says nothing of its own. */
        Field inTable(String table) {
            return new Field(
                    new ProposalRequest(
                            new SourceRef(
                                    request.source().connector(),
                                    new SourceTable(table),
                                    request.source().field()),
                            request.samples(),
                            request.description(),
                            Optional.empty(),
                            request.type()),
                    expected,
                    right);
        }
    }

    static List<MatchingFamily> load(Path folder) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<MatchingFamily> families = new ArrayList<>();
        for (Path file : files) {
            families.add(parse(file.getFileName().toString(), Files.readString(file)));
        }
        return families;
    }

    static MatchingFamily parse(String name, String json) {
        JsonObject root = Json.createReader(new StringReader(json)).readObject();
        JsonObject entities = root.getJsonObject("canonical").getJsonObject("entities");
        List<CanonicalEntity> schema = new ArrayList<>();
        for (String entity : entities.keySet()) {
            List<CanonicalFieldDefinition> fields = new ArrayList<>();
            for (JsonValue v : entities.getJsonArray(entity)) {
                JsonObject f = v.asJsonObject();
                List<String> enumValues =
                        f.containsKey("enumValues")
                                ? f
                                        .getJsonArray("enumValues")
                                        .getValuesAs(JsonString.class)
                                        .stream()
                                        .map(JsonString::getString)
                                        .toList()
                                : List.of();
                fields.add(
                        new CanonicalFieldDefinition(
                                f.getString("name"),
                                text(f, "type"),
                                text(f, "description"),
                                enumValues));
            }
            schema.add(new CanonicalEntity(entity, Optional.empty(), fields));
        }
        return new MatchingFamily(
                name,
                new CanonicalSchema(schema),
                fields(root, "cases"),
                fields(root, "unmatched"));
    }

    private static List<Field> fields(JsonObject root, String key) {
        if (!root.containsKey(key)) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (JsonValue v : root.getJsonArray(key)) {
            JsonObject c = v.asJsonObject();
            Set<CanonicalField> right =
                    c.containsKey("expected_any")
                            ? c.getJsonArray("expected_any").getValuesAs(JsonString.class).stream()
                                    .map(s -> CanonicalField.parse(s.getString()))
                                    .collect(Collectors.toSet())
                            : c.containsKey("expected")
                                    ? Set.of(CanonicalField.parse(c.getString("expected")))
                                    : Set.of();
            List<String> samples =
                    c.containsKey("samples")
                            ? c.getJsonArray("samples").stream()
                                    .map(
                                            s ->
                                                    s instanceof JsonString t
                                                            ? t.getString()
                                                            : s.toString())
                                    .toList()
                            : List.of();
            Optional<CanonicalField> expected =
                    c.containsKey("expected")
                            ? Optional.of(CanonicalField.parse(c.getString("expected")))
                            : Optional.empty();
            fields.add(
                    new Field(
                            new ProposalRequest(
                                    new SourceRef(
                                            new ConnectorId(c.getString("connector")),
                                            new SourceTable(c.getString("table")),
                                            new SourceField(c.getString("field"))),
                                    samples,
                                    text(c, "description"),
                                    text(c, "table_description"),
                                    text(c, "type")),
                            expected,
                            right));
        }
        return fields;
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) && !o.getString(key).isBlank()
                ? Optional.of(o.getString(key))
                : Optional.empty();
    }

    /**
     * The same family with a canonical model modelled on one of its sources, as canonical models
     * often are: each target field of that connector's cases renamed after the source field (where
     * the name is free in its entity), every right target renamed with it.
     */
    MatchingFamily modelledOn(String connector) {
        Map<CanonicalField, CanonicalField> renamed = new HashMap<>();
        Map<String, Set<String>> taken = new HashMap<>();
        schema.entities()
                .forEach(
                        e ->
                                taken.put(
                                        e.name(),
                                        e.fields().stream()
                                                .map(CanonicalFieldDefinition::name)
                                                .collect(Collectors.toCollection(HashSet::new))));
        for (Field c : cases) {
            if (!c.connector().equals(connector) || c.expected().isEmpty()) {
                continue;
            }
            CanonicalField target = c.expected().get();
            String name = snake(c.request().source().field().name());
            if (renamed.containsKey(target)
                    || !name.matches("[a-z][a-z0-9_]*")
                    || !taken.get(target.entity()).add(name)) {
                continue;
            }
            renamed.put(target, new CanonicalField(target.entity(), name));
        }
        List<CanonicalEntity> entities = new ArrayList<>();
        for (CanonicalEntity e : schema.entities()) {
            List<CanonicalFieldDefinition> fields = new ArrayList<>();
            for (CanonicalFieldDefinition f : e.fields()) {
                CanonicalField now =
                        renamed.getOrDefault(
                                new CanonicalField(e.name(), f.name()),
                                new CanonicalField(e.name(), f.name()));
                fields.add(
                        new CanonicalFieldDefinition(
                                now.field(), f.type(), f.description(), f.enumValues()));
            }
            entities.add(new CanonicalEntity(e.name(), e.description(), fields));
        }
        java.util.function.Function<Field, Field> remap =
                f ->
                        new Field(
                                f.request(),
                                f.expected().map(t -> renamed.getOrDefault(t, t)),
                                f.right().stream()
                                        .map(t -> renamed.getOrDefault(t, t))
                                        .collect(Collectors.toSet()));
        return new MatchingFamily(
                name + " modelled on " + connector,
                new CanonicalSchema(entities),
                cases.stream().map(remap).toList(),
                unmatched);
    }

    /**
     * A connector's cases as a sibling connector would name them (the same system in another study,
     * org or version: snake_case and camelCase swapped).
     */
    List<Field> siblingOf(String connector) {
        return cases.stream()
                .filter(c -> c.connector().equals(connector))
                .map(
                        c ->
                                new Field(
                                        new ProposalRequest(
                                                new SourceRef(
                                                        new ConnectorId(connector + "_sibling"),
                                                        c.request().source().table(),
                                                        new SourceField(
                                                                restyled(
                                                                        c.request()
                                                                                .source()
                                                                                .field()
                                                                                .name()))),
                                                c.request().samples(),
                                                c.request().description(),
                                                c.request().tableDescription(),
                                                c.request().type()),
                                        c.expected(),
                                        c.right()))
                .toList();
    }

    static String snake(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    static String restyled(String name) {
        if (name.contains("_")) {
            StringBuilder camel = new StringBuilder();
            boolean upper = false;
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                if (ch == '_') {
                    upper = camel.length() > 0;
                } else {
                    camel.append(upper ? Character.toUpperCase(ch) : ch);
                    upper = false;
                }
            }
            return camel.toString();
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    List<String> connectors() {
        return cases.stream().map(Field::connector).distinct().sorted().toList();
    }
}
