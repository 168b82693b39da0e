package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LookAlikeIndex;
import dcl.registry.domain.intelligence.MatchFeature;
import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.out.NothingKnown;
import dcl.registry.domain.port.out.SemanticSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantRankingModelsTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final CanonicalSchema SCHEMA =
            new CanonicalSchema(
                    List.of(
                            new CanonicalEntity(
                                    "contact",
                                    Optional.empty(),
                                    List.of(field("id"), field("email"), field("first_name"))),
                            new CanonicalEntity(
                                    "sequence",
                                    Optional.empty(),
                                    List.of(field("id"), field("name")))));
    private static final RankingModel GLOBAL =
            new RankingModel(new double[MatchFeature.count()], 2, "global-test");

    private final List<KnownMapping> known = new ArrayList<>();
    private long knowledge = 1;
    private Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final List<Runnable> queued = new ArrayList<>();
    private final TenantRankingModels models =
            new TenantRankingModels(
                    GLOBAL, search(), schemas(), queued::add, Duration.ofSeconds(10), clock());

    private static CanonicalFieldDefinition field(String name) {
        return new CanonicalFieldDefinition(name, Optional.empty(), Optional.empty());
    }

    private void know(int count) {
        for (int i = 0; i < count; i++) {
            String target = i % 2 == 0 ? "contact.email" : "sequence.name";
            known.add(
                    new KnownMapping(
                            new MappingId(UUID.randomUUID()),
                            new SourceRef(
                                    new ConnectorId("crm" + i),
                                    new SourceTable(i % 2 == 0 ? "people" : "cadences"),
                                    new SourceField(i % 2 == 0 ? "mail" : "title")),
                            CanonicalField.parse(target)));
        }
    }

    @Test
    void aSmallTenantsFirstModelIsLearnedAtOnceFromItsMappings() {
        know(30);

        RankingModel own = models.modelFor(ACME);

        assertTrue(own.version().startsWith("tenant-30-on-global-test"), own.version());
        // the tenant's mappings say the table tells the entity: that evidence now weighs
        assertTrue(own.weight(MatchFeature.KNOWN_TABLE) > 0, own.asProperties().toString());
        assertTrue(queued.isEmpty());
        assertSame(own, models.modelFor(ACME), "learned once, not once per proposal");
    }

    @Test
    void knownMappingsAdjustOnlyTheEvidenceTheyCanShow() {
        know(30);

        RankingModel own = models.modelFor(ACME);

        // names and targets say nothing of how much words or meaning weigh, and, every one having
        // a target, nothing of when to abstain
        assertEquals(GLOBAL.weight(MatchFeature.NAME), own.weight(MatchFeature.NAME));
        assertEquals(GLOBAL.weight(MatchFeature.SAME_NAME), own.weight(MatchFeature.SAME_NAME));
        assertEquals(GLOBAL.none(), own.none());
        assertNotEquals(
                GLOBAL.weight(MatchFeature.KNOWN_NAME), own.weight(MatchFeature.KNOWN_NAME));
    }

    @Test
    void aLargeTenantsModelIsLearnedOffTheCallersThreadWhileTheGlobalOneServes() {
        know(TenantRankingModels.SMALL_TENANT + 1);

        assertSame(GLOBAL, models.modelFor(ACME));
        assertSame(GLOBAL, models.modelFor(ACME));
        assertEquals(1, queued.size(), "learned once, not once per proposal");

        queued.remove(0).run();
        RankingModel own = models.modelFor(ACME);
        assertTrue(own.version().startsWith("tenant-150-on-global-test"), own.version());
        assertTrue(queued.isEmpty());
    }

    @Test
    void newMappingsAreLearnedAgainAtMostOncePerRefresh() {
        know(30);
        models.modelFor(ACME);

        knowledge++;
        models.modelFor(ACME);
        assertTrue(queued.isEmpty(), "not before the refresh has passed");
        now = now.plusSeconds(10);
        models.modelFor(ACME);
        assertEquals(1, queued.size());
    }

    @Test
    void tooFewMappingsKeepTheGlobalModel() {
        know(10);

        assertSame(GLOBAL, models.modelFor(ACME));
        assertSame(GLOBAL, models.modelFor(ACME));

        know(20);
        knowledge++;
        assertTrue(
                models.modelFor(ACME).version().startsWith("tenant-30"),
                "a small tenant that now knows enough learns at once, without waiting a refresh");
        assertNotEquals(0, known.size());
    }

    private SemanticSearch search() {
        return new NothingKnown() {
            @Override
            public LookAlikeIndex.Votes lookAlikes(TenantId tenant, SourceRef source) {
                LookAlikeIndex index = new LookAlikeIndex();
                known.forEach(k -> index.add(k.source(), k.target()));
                return index.votes(source);
            }

            @Override
            public List<KnownMapping> knownMappings(TenantId tenant, int limit) {
                return known.stream().limit(limit).toList();
            }

            @Override
            public long knowledgeVersion(TenantId tenant) {
                return knowledge;
            }
        };
    }

    private static CanonicalSchemaUseCase schemas() {
        return new CanonicalSchemaUseCase() {
            @Override
            public CanonicalSchema schema(TenantId tenant) {
                return SCHEMA;
            }

            @Override
            public boolean define(
                    TenantId tenant, Actor actor, CanonicalEntity entity, Optional<String> reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void remove(
                    TenantId tenant, Actor actor, String entity, Optional<String> reason) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
