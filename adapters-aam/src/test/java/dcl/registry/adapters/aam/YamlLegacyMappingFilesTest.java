package dcl.registry.adapters.aam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.LegacyDocument;
import dcl.registry.domain.legacy.LegacyEntry;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The codec against the real legacy corpora (kept in this module's test resources, legacy-yaml/).
 */
class YamlLegacyMappingFilesTest {
    private static final Path CORPORA =
            Path.of(System.getProperty("dcl.legacy.yaml", "src/test/resources/legacy-yaml"));
    private final YamlLegacyMappingFiles files = new YamlLegacyMappingFiles();

    private LegacyDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return files.read(file.getFileName().toString(), in);
        }
    }

    private List<LegacyDocument> readAll(String folder) throws IOException {
        List<LegacyDocument> documents = new ArrayList<>();
        try (var paths = Files.list(CORPORA.resolve(folder))) {
            for (Path p : paths.sorted().toList()) {
                documents.add(read(p));
            }
        }
        return documents;
    }

    @Test
    void givenTheCleanCorpus_whenRead_then179EntriesAllAcceptedAndNoProblem() throws IOException {
        List<LegacyEntry> entries =
                readAll("mappings").stream().flatMap(d -> d.entries().stream()).toList();
        assertEquals(
                List.of(),
                readAll("mappings").stream().flatMap(d -> d.problems().stream()).toList());
        assertEquals(179, entries.size());
        List<LegacyEntryRules.Verdict> verdicts = LegacyEntryRules.judgeAll(entries);
        assertTrue(
                verdicts.stream().allMatch(v -> v instanceof LegacyEntryRules.Accepted),
                verdicts.toString());
        LegacyEntry stage =
                entries.stream()
                        .filter(e -> e.field().equals("StageName"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("valueMap", stage.transformType());
        assertEquals("won", stage.transformValues().get("Closed Won"));
    }

    @Test
    void givenTheBrokenCorpus_whenRead_thenEachProblemIsNamedAndValidEntriesRemain()
            throws IOException {
        List<LegacyDocument> documents = readAll("broken");
        List<LegacyProblem> problems = new ArrayList<>();
        List<LegacyEntry> entries = new ArrayList<>();
        documents.forEach(
                d -> {
                    problems.addAll(d.problems());
                    entries.addAll(d.entries());
                });
        for (LegacyEntryRules.Verdict v : LegacyEntryRules.judgeAll(entries)) {
            if (v instanceof LegacyEntryRules.Rejected rejected) {
                problems.add(rejected.problem());
            }
        }
        Set<String> described =
                problems.stream()
                        .map(
                                p ->
                                        p.file()
                                                + "|"
                                                + p.table()
                                                + "|"
                                                + p.field()
                                                + "|"
                                                + p.reason().split("[:;(]")[0].strip())
                        .collect(Collectors.toSet());
        assertTrue(
                described.contains("01-syntax-error.yaml|null|null|not valid YAML"),
                described.toString());
        assertTrue(
                described.contains("04-not-a-mapping-file.yaml|null|null|not a mapping file"),
                described.toString());
        assertTrue(
                described.contains(
                        "02-case-duplicate.yaml|OPPORTUNITY|Amount|duplicate of Opportunity.Amount"
                                + " in 02-case-duplicate.yaml"),
                described.toString());
        assertTrue(
                described.contains(
                        "03-bad-entries.yaml|deals|value|transform.type unknown transform 'rot13'"),
                described.toString());
        assertTrue(
                described.contains("03-bad-entries.yaml|deals|currency|canonical field is empty"),
                described.toString());
        assertTrue(
                described.contains("03-bad-entries.yaml|deals|won_time|canonical field is missing"),
                described.toString());
        assertTrue(
                described.contains("03-bad-entries.yaml|persons|name|table has no entity"),
                described.toString());
        assertEquals(7, problems.size(), problems.toString());
        long accepted =
                LegacyEntryRules.judgeAll(entries).stream()
                        .filter(v -> v instanceof LegacyEntryRules.Accepted)
                        .count();
        assertEquals(3, accepted, "Opportunity.Amount, deals.id and deals.title import");
    }

    @Test
    void givenTheCleanCorpus_whenWrittenAndReadAgain_thenTheSameMappingsComeBack()
            throws IOException {
        List<AcceptedEntry> original =
                accepted(readAll("mappings").stream().flatMap(d -> d.entries().stream()).toList());
        List<LegacyEntry> again = new ArrayList<>();
        original.stream()
                .collect(Collectors.groupingBy(a -> a.source().connector()))
                .forEach(
                        (connector, group) -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            List<LegacyProblem> skipped =
                                    files.write(
                                            connector,
                                            group.stream()
                                                    .map(YamlLegacyMappingFilesTest::mapping)
                                                    .toList(),
                                            out);
                            assertEquals(List.of(), skipped);
                            again.addAll(
                                    files.read(
                                                    connector.value() + ".yaml",
                                                    new ByteArrayInputStream(out.toByteArray()))
                                            .entries());
                        });
        assertEquals(key(original), key(accepted(again)));
    }

    @Test
    void givenTextThatLooksLikeOtherTypes_whenWrittenAndRead_thenItStaysText() {
        String yaml =
                "connector: files\n"
                        + "version: 1\n"
                        + "tables:\n"
                        + "  t:\n"
                        + "    entity: e\n"
                        + "    fields:\n"
                        + "      'on': 'yes'\n"
                        + "      flag:\n"
                        + "        canonical: flag\n"
                        + "        transform: {type: valueMap, values: {'true': 'no', '01': '1.0'}}\n";
        LegacyDocument doc =
                files.read(
                        "x.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<AcceptedEntry> accepted = accepted(doc.entries());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.write(
                new ConnectorId("files"),
                accepted.stream().map(YamlLegacyMappingFilesTest::mapping).toList(),
                out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("'on': 'yes'"), written);
        assertEquals(
                key(accepted),
                key(
                        accepted(
                                files.read("y.yaml", new ByteArrayInputStream(out.toByteArray()))
                                        .entries())));
    }

    private static List<AcceptedEntry> accepted(List<LegacyEntry> entries) {
        return LegacyEntryRules.judgeAll(entries).stream()
                .map(v -> ((LegacyEntryRules.Accepted) v).entry())
                .toList();
    }

    private static Set<String> key(List<AcceptedEntry> entries) {
        return entries.stream()
                .map(a -> a.source() + "->" + a.target() + " " + a.transform())
                .collect(Collectors.toSet());
    }

    private static FieldMapping mapping(AcceptedEntry a) {
        return FieldMapping.create(
                new TenantId("t"),
                a.source(),
                a.target(),
                a.transform(),
                Confidence.CERTAIN,
                MappingStatus.ACTIVE,
                Provenance.YAML_IMPORT,
                new Actor("test"),
                Instant.EPOCH);
    }
}
