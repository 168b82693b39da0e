package dcl.registry.domain.port.out;

import static dcl.registry.domain.port.out.MappingContractFixtures.ACME;
import static dcl.registry.domain.port.out.MappingContractFixtures.ALICE;
import static dcl.registry.domain.port.out.MappingContractFixtures.GLOBEX;
import static dcl.registry.domain.port.out.MappingContractFixtures.T0;
import static dcl.registry.domain.port.out.MappingContractFixtures.mapping;
import static dcl.registry.domain.port.out.MappingContractFixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoadMappings} does, whatever it is (the store itself or a layer over it): a
 * subclass names the reads under test and the store below them.
 */
public abstract class LoadMappingsContract {
    /** The reads under test. */
    protected abstract LoadMappings reads();

    /**
     * Where the test puts mappings: the store the reads answer from. A write has committed when
     * this store returns, with what follows a commit (e.g. cache invalidation) done.
     */
    protected abstract StoreMappings store();

    private FieldMapping stored(String table, String field, MappingStatus status) {
        return store().insert(mapping(ACME, source("salesforce", table, field), status));
    }

    @Test
    void givenAStoredMapping_whenReadById_thenItComesBackAsStored() {
        FieldMapping stored =
                store().insert(
                                new FieldMapping(
                                        MappingId.random(),
                                        ACME,
                                        source("salesforce", "opportunity", "amount"),
                                        new CanonicalField("opportunity", "amount"),
                                        Optional.of(Transform.of("number", null, null)),
                                        new Confidence(0.8),
                                        MappingStatus.ACTIVE,
                                        1,
                                        Provenance.YAML_IMPORT,
                                        T0,
                                        T0.plusSeconds(1),
                                        ALICE));
        assertEquals(Optional.of(stored), reads().byId(ACME, stored.id()));
    }

    @Test
    void givenAnotherTenantsMapping_whenRead_thenNothingIsFound() {
        FieldMapping theirs = stored("opportunity", "amount", MappingStatus.ACTIVE);
        assertEquals(Optional.empty(), reads().byId(GLOBEX, theirs.id()));
        assertEquals(Optional.empty(), reads().byIdentity(GLOBEX, theirs.source()));
        assertTrue(
                reads().table(GLOBEX, new ConnectorId("salesforce"), new SourceTable("opportunity"))
                        .isEmpty());
        assertEquals(
                List.of(),
                reads().search(GLOBEX, MappingQuery.all(), PageRequest.first(10)).items());
        assertEquals(Optional.empty(), reads().byId(ACME, MappingId.random()), "an unknown id");
    }

    @Test
    void givenAMapping_whenLookedUpWithTheTableSpelledOtherwise_thenItIsFound() {
        FieldMapping stored = stored("opportunity", "amount", MappingStatus.ACTIVE);
        assertEquals(
                Optional.of(stored),
                reads().byIdentity(ACME, source("salesforce", "OPPORTUNITY", "amount")));
        assertEquals(
                Optional.empty(),
                reads().byIdentity(ACME, source("salesforce", "opportunity", "amountx")),
                "another field");
        assertEquals(
                Optional.empty(),
                reads().byIdentity(ACME, source("hubspot", "opportunity", "amount")),
                "another connector");
    }

    @Test
    void givenARetiredMapping_whenLookedUpByIdentity_thenItIsFoundInItsStatus() {
        FieldMapping retired = stored("opportunity", "stage", MappingStatus.DEPRECATED);
        assertEquals(Optional.of(retired), reads().byIdentity(ACME, retired.source()));
    }

    @Test
    void givenALookupThatFoundNothing_whenTheMappingIsThenStored_thenTheNextLookupFindsIt() {
        assertEquals(
                Optional.empty(),
                reads().byIdentity(ACME, source("salesforce", "opportunity", "amount")));
        FieldMapping stored = stored("opportunity", "amount", MappingStatus.ACTIVE);
        assertEquals(Optional.of(stored), reads().byIdentity(ACME, stored.source()));
    }

    @Test
    void givenAMappingRead_whenItsNextVersionIsStored_thenReadsAnswerTheNextVersion() {
        FieldMapping first = stored("opportunity", "amount", MappingStatus.ACTIVE);
        reads().byIdentity(ACME, first.source());
        reads().table(ACME, first.source().connector(), first.source().table());
        FieldMapping retired =
                store().update(
                                first.withStatus(
                                        MappingStatus.DEPRECATED, ALICE, T0.plusSeconds(5)));
        assertEquals(Optional.of(retired), reads().byIdentity(ACME, first.source()));
        assertEquals(Optional.of(retired), reads().byId(ACME, first.id()));
        assertTrue(
                reads().table(ACME, first.source().connector(), first.source().table()).isEmpty());
    }

    @Test
    void givenAServedMappingRead_whenAskedInMemory_thenTheAnswerIsItOrNothingAndNeverAnothers() {
        FieldMapping active = stored("opportunity", "amount", MappingStatus.ACTIVE);
        reads().byIdentity(ACME, active.source());
        Optional<FieldMapping> inMemory = reads().servedInMemory(ACME, active.source());
        assertTrue(inMemory.isEmpty() || inMemory.get().equals(active), "got " + inMemory);
        assertEquals(Optional.empty(), reads().servedInMemory(GLOBEX, active.source()));
    }

    @Test
    void givenAnUnservedMappingRead_whenAskedInMemory_thenNothingIsAnswered() {
        FieldMapping proposed = stored("opportunity", "stage", MappingStatus.DEPRECATED);
        reads().byIdentity(ACME, proposed.source());
        assertEquals(Optional.empty(), reads().servedInMemory(ACME, proposed.source()));
    }

    @Test
    void givenAMappingHeldInMemory_whenItsNextVersionIsStored_thenTheOldOneIsNeverAnswered() {
        FieldMapping first = stored("opportunity", "amount", MappingStatus.ACTIVE);
        reads().byIdentity(ACME, first.source());
        reads().servedInMemory(ACME, first.source());
        store().update(first.withStatus(MappingStatus.DEPRECATED, ALICE, T0.plusSeconds(5)));
        assertEquals(Optional.empty(), reads().servedInMemory(ACME, first.source()));
    }

    @Test
    void givenServedAndUnservedMappings_whenTheTableIsRead_thenItHoldsTheServedOnesByField() {
        FieldMapping active = stored("Opportunity", "amount", MappingStatus.ACTIVE);
        FieldMapping underReview = stored("opportunity", "stage", MappingStatus.NEEDS_REVIEW);
        stored("opportunity", "name", MappingStatus.DEPRECATED);
        stored("opportunity", "owner", MappingStatus.PROPOSED);
        stored("account", "amount", MappingStatus.ACTIVE);
        store().insert(
                        mapping(
                                ACME,
                                source("hubspot", "opportunity", "amount"),
                                MappingStatus.ACTIVE));
        store().insert(
                        mapping(
                                GLOBEX,
                                source("salesforce", "opportunity", "close"),
                                MappingStatus.ACTIVE));

        TableMappingSet set =
                reads().table(ACME, new ConnectorId("salesforce"), new SourceTable("OPPORTUNITY"));

        assertEquals(new ConnectorId("salesforce"), set.connector());
        assertEquals("opportunity", set.table().key());
        assertEquals(
                Set.of(new SourceField("amount"), new SourceField("stage")), set.fields().keySet());
        assertEquals(active, set.fields().get(new SourceField("amount")));
        assertEquals(underReview, set.fields().get(new SourceField("stage")));
    }

    @Test
    void givenATableNeverWritten_whenRead_thenItIsEmptyAndSpelledAsAsked() {
        TableMappingSet set =
                reads().table(ACME, new ConnectorId("salesforce"), new SourceTable("Lead"));
        assertTrue(set.isEmpty());
        assertEquals(new SourceTable("Lead"), set.table());
    }

    @Test
    void givenATable_whenAnyOfItsMappingsChanges_thenItsVersionGrows() {
        ConnectorId salesforce = new ConnectorId("salesforce");
        SourceTable opportunity = new SourceTable("opportunity");
        long before = reads().table(ACME, salesforce, opportunity).version();
        FieldMapping amount = stored("opportunity", "amount", MappingStatus.ACTIVE);
        long created = reads().table(ACME, salesforce, opportunity).version();
        store().update(amount.withStatus(MappingStatus.DEPRECATED, ALICE, T0.plusSeconds(1)));
        long retired = reads().table(ACME, salesforce, opportunity).version();
        assertTrue(before < created, before + " then " + created);
        assertTrue(created < retired, "retiring the last served mapping counts too");
    }

    @Test
    void givenMappings_whenSearchedWithFilters_thenTheTenantsMatchesInListOrder() {
        FieldMapping amount = stored("opportunity", "amount", MappingStatus.ACTIVE);
        FieldMapping stage = stored("opportunity", "stage", MappingStatus.NEEDS_REVIEW);
        FieldMapping revenue = stored("account", "revenue", MappingStatus.ACTIVE);
        FieldMapping hubspot =
                store().insert(
                                mapping(
                                        ACME,
                                        source("hubspot", "deal", "amount"),
                                        MappingStatus.ACTIVE));
        store().insert(
                        mapping(
                                GLOBEX,
                                source("salesforce", "opportunity", "amount"),
                                MappingStatus.ACTIVE));

        assertEquals(List.of(hubspot, revenue, amount, stage), search(MappingQuery.all()));
        assertEquals(
                List.of(revenue, amount, stage),
                search(MappingQuery.ofConnector(new ConnectorId("salesforce"))));
        assertEquals(
                List.of(amount, stage),
                search(
                        new MappingQuery(
                                Optional.empty(),
                                Optional.of(new SourceTable("OPPORTUNITY")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())));
        assertEquals(
                List.of(stage),
                search(
                        new MappingQuery(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Opportunity"),
                                Optional.of(MappingStatus.NEEDS_REVIEW),
                                Optional.empty())));
        assertEquals(
                List.of(hubspot, amount),
                search(
                        new MappingQuery(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("MOUN"))));
    }

    @Test
    void givenMoreMappingsThanAPage_whenPagedThrough_thenEachMappingComesOnceInListOrder() {
        List<FieldMapping> all = new ArrayList<>();
        for (String field : List.of("echo", "alpha", "delta", "bravo", "charlie")) {
            all.add(stored("opportunity", field, MappingStatus.ACTIVE));
        }
        all.sort(java.util.Comparator.comparing(m -> m.source().field().name()));

        List<FieldMapping> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        int pages = 0;
        while (true) {
            Page<FieldMapping> answer = reads().search(ACME, MappingQuery.all(), page);
            seen.addAll(answer.items());
            pages++;
            if (answer.next().isEmpty()) {
                break;
            }
            page = new PageRequest(2, answer.next());
        }
        assertEquals(all, seen);
        assertEquals(3, pages);
    }

    private List<FieldMapping> search(MappingQuery query) {
        Page<FieldMapping> page = reads().search(ACME, query, PageRequest.first(100));
        assertEquals(Optional.empty(), page.next());
        return page.items();
    }
}
