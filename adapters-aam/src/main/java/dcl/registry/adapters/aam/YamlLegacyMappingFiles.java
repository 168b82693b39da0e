package dcl.registry.adapters.aam;

import dcl.registry.domain.legacy.LegacyDocument;
import dcl.registry.domain.legacy.LegacyEntry;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.Transform;
import dcl.registry.domain.port.out.LegacyMappingFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The legacy AAM format (adapters-aam/src/test/resources/legacy-yaml/README.md) with SnakeYAML.
 * Reading takes every scalar as text (so {@code on}, {@code 01} or {@code true} stay what was
 * written); writing quotes whatever a YAML 1.1 reader would take for something else.
 */
@ApplicationScoped
public class YamlLegacyMappingFiles implements LegacyMappingFiles {
    static final int FORMAT_VERSION = 1;

    @Override
    public LegacyDocument read(String fileName, InputStream content) {
        Object root;
        try {
            root = reader().load(content);
        } catch (YAMLException e) {
            return failed(fileName, "not valid YAML: " + oneLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> document)) {
            return failed(
                    fileName,
                    "not a mapping file: the top level must be a map with 'connector' and"
                            + " 'tables'");
        }
        if (!(document.get("connector") instanceof String connector) || connector.isBlank()) {
            return failed(fileName, "not a mapping file: 'connector' is missing");
        }
        if (!(document.get("tables") instanceof Map<?, ?> tables)) {
            return failed(fileName, "not a mapping file: 'tables' is missing or not a map");
        }
        if (document.get("version") != null
                && !String.valueOf(FORMAT_VERSION).equals(document.get("version"))) {
            return failed(
                    fileName,
                    "format version "
                            + document.get("version")
                            + " is not supported (only "
                            + FORMAT_VERSION
                            + ")");
        }
        List<LegacyEntry> entries = new ArrayList<>();
        List<LegacyProblem> problems = new ArrayList<>();
        for (Map.Entry<?, ?> table : tables.entrySet()) {
            String tableName = String.valueOf(table.getKey());
            if (!(table.getValue() instanceof Map<?, ?> tableBody)
                    || !(tableBody.get("fields") instanceof Map<?, ?> fields)) {
                problems.add(
                        new LegacyProblem(fileName, tableName, null, "table has no 'fields' map"));
                continue;
            }
            String entity = tableBody.get("entity") instanceof String e ? e : null;
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                String fieldName = String.valueOf(field.getKey());
                Object value = field.getValue();
                if (value instanceof String canonical) {
                    entries.add(
                            new LegacyEntry(
                                    fileName, connector, tableName, entity, fieldName, canonical,
                                    null, null, null));
                } else if (value instanceof Map<?, ?> longForm) {
                    entries.add(
                            longEntry(
                                    fileName, connector, tableName, entity, fieldName, longForm,
                                    problems));
                } else {
                    problems.add(
                            new LegacyProblem(
                                    fileName,
                                    tableName,
                                    fieldName,
                                    value == null
                                            ? "canonical field is missing"
                                            : "a field must map to a name or to {canonical,"
                                                    + " transform}"));
                }
            }
        }
        entries.removeIf(e -> e == null);
        return new LegacyDocument(fileName, entries, problems);
    }

    private static LegacyEntry longEntry(
            String file,
            String connector,
            String table,
            String entity,
            String field,
            Map<?, ?> body,
            List<LegacyProblem> problems) {
        Object canonical = body.get("canonical");
        Object transform = body.get("transform");
        if (canonical != null && !(canonical instanceof String)) {
            problems.add(new LegacyProblem(file, table, field, "canonical must be a name"));
            return null;
        }
        if (transform == null) {
            return new LegacyEntry(
                    file, connector, table, entity, field, (String) canonical, null, null, null);
        }
        if (!(transform instanceof Map<?, ?> spec)) {
            problems.add(
                    new LegacyProblem(file, table, field, "transform must be a map with 'type'"));
            return null;
        }
        Map<String, String> values = null;
        if (spec.get("values") instanceof Map<?, ?> map) {
            values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> v : map.entrySet()) {
                values.put(
                        String.valueOf(v.getKey()),
                        v.getValue() == null ? null : String.valueOf(v.getValue()));
            }
        } else if (spec.get("values") != null) {
            problems.add(new LegacyProblem(file, table, field, "transform values must be a map"));
            return null;
        }
        return new LegacyEntry(
                file,
                connector,
                table,
                entity,
                field,
                (String) canonical,
                spec.get("type") == null ? "" : String.valueOf(spec.get("type")),
                spec.get("format") == null ? null : String.valueOf(spec.get("format")),
                values);
    }

    @Override
    public List<LegacyProblem> write(
            ConnectorId connector, List<FieldMapping> mappings, OutputStream out) {
        String file = connector.value() + ".yaml";
        List<LegacyProblem> skipped = new ArrayList<>();
        Map<String, List<FieldMapping>> byTable =
                mappings.stream()
                        .collect(
                                Collectors.groupingBy(
                                        m -> m.source().table().key(),
                                        TreeMap::new,
                                        Collectors.toList()));
        Map<String, Object> tables = new LinkedHashMap<>();
        for (List<FieldMapping> tableMappings : byTable.values()) {
            tableMappings.sort(Comparator.comparing((FieldMapping m) -> m.source().field().name()));
            String tableName = tableMappings.get(0).source().table().name();
            String entity = majorityEntity(tableMappings);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (FieldMapping m : tableMappings) {
                if (!m.target().entity().equals(entity)) {
                    skipped.add(
                            new LegacyProblem(
                                    file,
                                    tableName,
                                    m.source().field().name(),
                                    "maps to entity "
                                            + m.target().entity()
                                            + " but the table's entity is "
                                            + entity
                                            + "; the legacy format has one entity per table"));
                    continue;
                }
                fields.put(m.source().field().name(), fieldValue(m));
            }
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("entity", entity);
            table.put("fields", fields);
            tables.put(tableName, table);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("connector", connector.value());
        document.put("version", FORMAT_VERSION);
        document.put("tables", tables);
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(
                    "# Legacy AAM canonical mappings for the "
                            + connector.value()
                            + " connector, written by the DCL Mapping Registry (yaml-export)\n");
            writer.write(new Yaml(writerOptions()).dump(document));
            writer.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return skipped;
    }

    private static Object fieldValue(FieldMapping m) {
        if (m.transform().isEmpty()) {
            return m.target().field();
        }
        Transform t = m.transform().get();
        Map<String, Object> transform = new LinkedHashMap<>();
        transform.put("type", t.type());
        if (t instanceof Transform.ToDate date) {
            transform.put("format", date.format());
        }
        if (t instanceof Transform.ValueMap valueMap) {
            transform.put("values", new LinkedHashMap<>(valueMap.values()));
        }
        Map<String, Object> longForm = new LinkedHashMap<>();
        longForm.put("canonical", m.target().field());
        longForm.put("transform", transform);
        return longForm;
    }

    private static String majorityEntity(List<FieldMapping> mappings) {
        return mappings.stream()
                .collect(
                        Collectors.groupingBy(
                                m -> m.target().entity(), TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .max(
                        Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseThrow();
    }

    private static Yaml reader() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new TextOnlyResolver());
    }

    private static DumperOptions writerOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(200);
        return options;
    }

    private static LegacyDocument failed(String file, String reason) {
        return new LegacyDocument(
                file, List.of(), List.of(new LegacyProblem(file, null, null, reason)));
    }

    private static String oneLine(String message) {
        String flat = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** Resolves no implicit types: every plain scalar is text. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // intentionally none: the legacy format holds names, not numbers or booleans
        }
    }
}
