package dcl.registry.adapters.llm.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.EmbeddingText;
import dcl.registry.domain.intelligence.KnownVector;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.QuantizedVector;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.StoredEmbeddings;
import dcl.registry.domain.port.out.TextEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SemanticIndexTest {
    private static final TenantId ACME = new TenantId("acme");

    /**
     * Words to axes: texts sharing words point the same way (enough to tell neighbours apart here).
     */
    private static final TextEmbedder WORDS =
            new TextEmbedder() {
                @Override
                public String model() {
                    return "words";
                }

                @Override
                public float[] embed(String text) {
                    float[] v = new float[16];
                    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                        if (!word.isEmpty()) {
                            v[Math.floorMod(word.hashCode(), 16)] += 1;
                        }
                    }
                    return v;
                }
            };

    /** Rows in write order; a row is visible once its transaction committed. */
    private static final class Rows implements StoredEmbeddings {
        record Row(long position, KnownVector mapping, boolean active, boolean[] visible) {}

        final List<Row> rows = new ArrayList<>();

        /** Vectors saved, per model key. */
        final Map<String, Map<MappingId, QuantizedVector>> saved = new HashMap<>();

        Row write(long position, String field, String target, boolean active, boolean visible) {
            Row row =
                    new Row(
                            position,
                            new KnownVector(
                                    ACME,
                                    new MappingId(UUID.randomUUID()),
                                    new SourceRef(
                                            new ConnectorId("hubspot"),
                                            new SourceTable("deals"),
                                            new SourceField(field)),
                                    CanonicalField.parse(target),
                                    Optional.empty()),
                            active,
                            new boolean[] {visible});
            rows.add(row);
            return row;
        }

        @Override
        public void forEachActive(String modelKey, Consumer<KnownVector> each) {
            Map<MappingId, QuantizedVector> vectors = saved.getOrDefault(modelKey, Map.of());
            rows.stream()
                    .filter(r -> r.visible()[0] && r.active())
                    .map(Row::mapping)
                    .forEach(
                            m ->
                                    each.accept(
                                            new KnownVector(
                                                    m.tenant(),
                                                    m.mappingId(),
                                                    m.source(),
                                                    m.target(),
                                                    Optional.ofNullable(
                                                            vectors.get(m.mappingId())))));
        }

        @Override
        public void save(
                String modelKey, TenantId tenant, Map<MappingId, QuantizedVector> vectors) {
            saved.computeIfAbsent(modelKey, k -> new HashMap<>()).putAll(vectors);
        }

        @Override
        public long latestChange() {
            return rows.stream()
                    .filter(r -> r.visible()[0])
                    .mapToLong(Row::position)
                    .max()
                    .orElse(0);
        }

        @Override
        public List<ChangedMapping> changedSince(String modelKey, long position, int limit) {
            return rows.stream()
                    .filter(r -> r.visible()[0] && r.position() > position)
                    .limit(limit)
                    .map(r -> new ChangedMapping(r.mapping(), r.active(), r.position()))
                    .toList();
        }

        @Override
        public List<ChangedMapping> changedAt(String modelKey, Collection<Long> positions) {
            return rows.stream()
                    .filter(r -> r.visible()[0] && positions.contains(r.position()))
                    .map(r -> new ChangedMapping(r.mapping(), r.active(), r.position()))
                    .toList();
        }
    }

    private static ProposalRequest field(String name) {
        return new ProposalRequest(
                new SourceRef(
                        new ConnectorId("pipedrive"),
                        new SourceTable("deals"),
                        new SourceField(name)),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void givenAWriteThatCommitsAfterALaterOne_whenCaughtUp_thenItStillReachesTheIndex() {
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        SemanticIndex index = new SemanticIndex(WORDS, rows);
        assertThrows(
                StrategyUnavailable.class,
                () -> index.similarMappings(ACME, field("amount"), 1),
                "not loaded yet");
        index.rebuild();
        assertEquals(1, index.size());

        Rows.Row slow =
                rows.write(
                        2,
                        "close_date",
                        "opportunity.close_date",
                        true,
                        false); // its transaction is still open
        rows.write(3, "stage", "opportunity.stage", true, true);
        assertEquals(1, index.catchUp(100));
        assertEquals(2, index.size());

        slow.visible()[0] = true; // committed now, behind position 3
        index.catchUp(100);
        assertEquals(3, index.size());
        assertEquals(
                "opportunity.close_date",
                index.similarMappings(ACME, field("close_date"), 1).get(0).target().toString());
    }

    @Test
    void givenAMappingThatLeavesActive_whenCaughtUp_thenItIsNoLongerANeighbour() {
        Rows rows = new Rows();
        Rows.Row amount = rows.write(1, "amount", "opportunity.amount", true, true);
        SemanticIndex index = new SemanticIndex(WORDS, rows);
        index.rebuild();
        rows.rows.add(new Rows.Row(2, amount.mapping(), false, new boolean[] {true})); // deprecated
        index.catchUp(100);
        assertEquals(0, index.size());
        assertEquals(List.of(), index.similarMappings(ACME, field("amount"), 3));
    }

    @Test
    void givenOneTenantsMappings_whenAnotherTenantProposes_thenNothingOfThemVotesOrLearns() {
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        SemanticIndex index = new SemanticIndex(WORDS, rows);
        index.rebuild();
        TenantId other = new TenantId("globex");
        SourceRef amount = field("amount").source();

        assertEquals(1, index.lookAlikes(ACME, amount).nameSupport());
        assertEquals(1, index.knownMappings(ACME, 10).size());
        assertEquals(LookAlikeIndex.Votes.NONE, index.lookAlikes(other, amount));
        assertEquals(List.of(), index.knownMappings(other, 10));
        assertEquals(0, index.knowledgeVersion(other));
        assertTrue(index.knowledgeVersion(ACME) > 0);
    }

    @Test
    void givenTheIndexWarming_whenAnotherTenantSearches_thenItsRefusalCountsNobodysMappings() {
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        rows.write(2, "close_date", "opportunity.close_date", true, true);
        AtomicReference<SemanticIndex> index = new AtomicReference<>();
        List<String> reasons = new ArrayList<>();
        TextEmbedder askedMidLoad =
                onEachCall(
                        texts ->
                                reasons.add(
                                        assertThrows(
                                                        StrategyUnavailable.class,
                                                        () ->
                                                                index.get()
                                                                        .similarMappings(
                                                                                new TenantId(
                                                                                        "globex"),
                                                                                field("amount"),
                                                                                1))
                                                .fallback()
                                                .reason()));
        index.set(new SemanticIndex(askedMidLoad, rows));

        index.get().rebuild();

        assertEquals(
                List.of("index warming"),
                reasons,
                "acme's two mappings being embedded are no count of globex's business");
    }

    private static TextEmbedder counting(String model, List<String> embedded) {
        return new TextEmbedder() {
            @Override
            public String model() {
                return model;
            }

            @Override
            public float[] embed(String text) {
                embedded.add(text);
                return WORDS.embed(text);
            }
        };
    }

    @Test
    void givenVectorsOfAnotherModel_whenRebuilt_thenEveryMappingIsEmbeddedAgainUnderThisModel() {
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        rows.write(2, "close_date", "opportunity.close_date", true, true);
        List<String> embedded = new ArrayList<>();
        new SemanticIndex(counting("model-a", embedded), rows).rebuild();
        assertEquals(2, embedded.size(), "first start: every mapping embedded");

        embedded.clear();
        new SemanticIndex(counting("model-a", embedded), rows).rebuild();
        assertEquals(List.of(), embedded, "a restart with the same model reuses the vectors");

        SemanticIndex other = new SemanticIndex(counting("model-b", embedded), rows);
        other.rebuild();
        assertEquals(2, embedded.size(), "another model's vectors are never reused");
        assertEquals(2, other.size());
        assertEquals(
                Set.of("model-a/" + EmbeddingText.RECIPE, "model-b/" + EmbeddingText.RECIPE),
                rows.saved.keySet(),
                "each model's vectors are kept under its own name");
    }

    /** Records each call: a single text as a batch of one, several texts as one batch. */
    private static TextEmbedder batching(List<List<String>> calls) {
        return onEachCall(texts -> calls.add(List.copyOf(texts)));
    }

    /** Embeds as {@link #WORDS} does, telling {@code call} each call's texts first. */
    private static TextEmbedder onEachCall(Consumer<List<String>> call) {
        return new TextEmbedder() {
            @Override
            public String model() {
                return WORDS.model();
            }

            @Override
            public float[] embed(String text) {
                call.accept(List.of(text));
                return WORDS.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                call.accept(texts);
                return texts.stream().map(WORDS::embed).toList();
            }
        };
    }

    @Test
    void givenARequestPrepared_whenItsSearchesFollow_thenItsTextsWereEmbeddedTogetherAndNotAgain() {
        List<List<String>> calls = new ArrayList<>();
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        SemanticIndex index = new SemanticIndex(batching(calls), rows);
        index.rebuild();
        CanonicalSchema crm = DefaultCrmModel.schema();
        index.similarCanonicalFields(ACME, crm, field("close_date"), 1); // the schema's own texts
        calls.clear();
        ProposalRequest described =
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("pipedrive"),
                                new SourceTable("deals"),
                                new SourceField("value")),
                        List.of(),
                        Optional.of("the deal's worth"),
                        Optional.of("open deals"),
                        Optional.empty());

        index.prepare(ACME, described);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(4, calls.get(0).size(), "source, request, table and field alone: " + calls);
        calls.clear();
        index.similarMappings(ACME, described, 1);
        index.similarCanonicalFields(ACME, crm, described, 3);
        index.similarEntities(ACME, crm, described);
        index.similarFieldsAlone(ACME, crm, described);
        assertEquals(List.of(), calls, "every search found its text ready");

        index.prepare(ACME, described);
        assertEquals(List.of(List.of()), calls, "prepared again: nothing left to embed");
    }

    @Test
    void givenANewSchema_whenFirstCompared_thenItsTextsAreEmbeddedInOneBatch() {
        List<List<String>> calls = new ArrayList<>();
        SemanticIndex index = new SemanticIndex(batching(calls), new Rows());
        index.rebuild();
        CanonicalSchema crm = DefaultCrmModel.schema();
        int fields = crm.entities().stream().mapToInt(e -> e.fields().size()).sum();

        index.similarEntities(ACME, crm, field("amount"));
        List<List<String>> batches = calls.stream().filter(c -> c.size() > 1).toList();
        assertEquals(1, batches.size(), "one batch for the schema");
        assertTrue(
                batches.get(0).size() > fields,
                "entities, fields and fields alone: " + batches.get(0).size());
        calls.clear();
        index.similarFieldsAlone(ACME, crm, field("close_date"));
        assertEquals(List.of(List.of("close date")), calls, "the schema's vectors are kept");
    }

    @Test
    void givenAnotherTenantsModel_whenATenantsSchemaSharesItsTexts_thenTheyAreEmbeddedForItAgain() {
        List<List<String>> calls = new ArrayList<>();
        SemanticIndex index = new SemanticIndex(batching(calls), new Rows());
        index.rebuild();
        CanonicalSchema acmes = new CanonicalSchema(List.of(withCreatedAt("mailbox")));
        CanonicalSchema globexs =
                new CanonicalSchema(List.of(withCreatedAt("mailbox"), withCreatedAt("sequence")));
        index.similarEntities(ACME, acmes, field("amount"));
        calls.clear();

        index.similarEntities(new TenantId("globex"), globexs, field("amount"));

        assertEquals(
                List.copyOf(new LinkedHashSet<>(SchemaVectors.textsOf(globexs))),
                calls.get(0),
                "every text of globex's schema embedded for globex, acme's mailbox too: how fast"
                        + " it answers tells globex nothing of acme's model");
    }

    @Test
    void givenAnotherTenantsWholeModel_whenATenantDefinesTheSame_thenItIsEmbeddedForItAgain() {
        List<List<String>> calls = new ArrayList<>();
        SemanticIndex index = new SemanticIndex(batching(calls), new Rows());
        index.rebuild();
        index.similarEntities(
                ACME, new CanonicalSchema(List.of(withCreatedAt("mailbox"))), field("amount"));
        calls.clear();

        CanonicalSchema copied = new CanonicalSchema(List.of(withCreatedAt("mailbox")));
        index.similarEntities(new TenantId("globex"), copied, field("amount"));

        assertEquals(SchemaVectors.textsOf(copied), calls.get(0), "nothing of acme's found fast");
    }

    @Test
    void givenTheDefaultModel_whenAnotherTenantExtendsIt_thenOnlyItsOwnTextsAreEmbedded() {
        List<List<String>> calls = new ArrayList<>();
        SemanticIndex index = new SemanticIndex(batching(calls), new Rows());
        index.rebuild();
        CanonicalSchema crm = DefaultCrmModel.schema();
        List<dcl.registry.domain.canonical.CanonicalEntity> entities =
                new ArrayList<>(crm.entities());
        entities.add(withCreatedAt("mailbox"));
        CanonicalSchema extended = new CanonicalSchema(entities);
        index.similarEntities(ACME, crm, field("amount"));
        calls.clear();

        index.similarEntities(new TenantId("globex"), extended, field("amount"));

        assertEquals(
                SchemaVectors.textsOf(new CanonicalSchema(List.of(withCreatedAt("mailbox")))),
                calls.get(0),
                "the default model's public texts are embedded once for every tenant");
    }

    @Test
    void givenTheSameRequestSearchedTwice_whenSearched_thenItsTextsAreEmbeddedOnce() {
        List<String> embedded = new ArrayList<>();
        TextEmbedder counting = counting(WORDS.model(), embedded);
        Rows rows = new Rows();
        rows.write(1, "amount", "opportunity.amount", true, true);
        SemanticIndex index = new SemanticIndex(counting, rows);
        index.rebuild();
        embedded.clear();

        index.similarMappings(ACME, field("deal_amount"), 1);
        index.similarMappings(ACME, field("deal_amount"), 1);
        assertEquals(1, embedded.size(), embedded.toString());
        index.similarMappings(ACME, field("close_date"), 1);
        assertEquals(2, embedded.size(), "another request is embedded");

        CanonicalSchema crm = DefaultCrmModel.schema();
        index.similarCanonicalFields(ACME, crm, field("deal_amount"), 3);
        embedded.clear();
        index.similarCanonicalFields(ACME, crm, field("deal_amount"), 3);
        assertEquals(List.of(), embedded, "the tenant's own search again: nothing embedded");
        index.similarCanonicalFields(new TenantId("globex"), crm, field("deal_amount"), 3);
        assertEquals(1, embedded.size(), "another tenant's search shares nothing");
    }

    @Test
    void givenATableThatReadsLikeAnotherEntity_whenFieldsAreComparedAlone_thenOnlyTheFieldCounts() {
        SemanticIndex index = new SemanticIndex(WORDS, new Rows());
        index.rebuild();
        CanonicalSchema schema =
                new CanonicalSchema(List.of(withCreatedAt("mailbox"), withCreatedAt("sequence")));
        ProposalRequest mailboxCampaign =
                new ProposalRequest(
                        new SourceRef(
                                new ConnectorId("apollo"),
                                new SourceTable("mailbox_campaigns"),
                                new SourceField("created_at")),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());

        Map<CanonicalField, Double> alone = index.similarFieldsAlone(ACME, schema, mailboxCampaign);
        Map<CanonicalField, Double> withTable = new HashMap<>();
        index.similarCanonicalFields(ACME, schema, mailboxCampaign, 2)
                .forEach(c -> withTable.put(c.target(), c.score()));

        CanonicalField mailbox = CanonicalField.parse("mailbox.created_at");
        CanonicalField sequence = CanonicalField.parse("sequence.created_at");
        assertEquals(1.0, alone.get(mailbox), 0.01, "the same field, whatever its entity");
        assertEquals(alone.get(mailbox), alone.get(sequence));
        assertTrue(
                withTable.get(mailbox) > withTable.get(sequence),
                "with the table, the table's word pulls towards mailbox: " + withTable);
    }

    private static dcl.registry.domain.canonical.CanonicalEntity withCreatedAt(String entity) {
        return new dcl.registry.domain.canonical.CanonicalEntity(
                entity,
                Optional.empty(),
                List.of(
                        new dcl.registry.domain.canonical.CanonicalFieldDefinition(
                                "created_at", Optional.of("datetime"), Optional.empty())));
    }
}
