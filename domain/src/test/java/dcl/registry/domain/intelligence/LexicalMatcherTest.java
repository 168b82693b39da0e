package dcl.registry.domain.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.canonical.DefaultCrmModel;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LexicalMatcherTest {
    private static ProposalRequest field(
            String connector, String table, String field, String... samples) {
        return new ProposalRequest(
                new SourceRef(
                        new ConnectorId(connector), new SourceTable(table), new SourceField(field)),
                List.of(samples),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static List<Candidate> ranked(ProposalRequest request, int limit) {
        return LexicalMatcher.rank(
                new ProposalContext(new TenantId("acme"), DefaultCrmModel.schema(), request, limit),
                limit);
    }

    private static String best(ProposalRequest request) {
        return ranked(request, 3).get(0).target().toString();
    }

    @Test
    void givenConnectorStyleNames_whenRanked_thenTheCanonicalFieldOfTheMatchingEntityWins() {
        assertEquals("contact.first_name", best(field("hubspot", "contacts", "firstname", "Ann")));
        assertEquals(
                "opportunity.close_date",
                best(field("hubspot", "deals", "hs_closedate", "2024-01-02")));
        assertEquals(
                "opportunity.amount",
                best(field("salesforce", "Opportunity", "Amount", "1200.50")));
        assertEquals(
                "account.billing_postal_code",
                best(field("salesforce", "Account", "BillingPostalCode", "75001")));
        assertEquals(
                "contact.email",
                best(field("mongodb", "people", "email_address", "ann@example.com")));
    }

    @Test
    void givenSamplesOfTheWrongKind_whenRanked_thenTheTypeFitLowersTheScore() {
        List<Candidate> numbers = ranked(field("x", "deals", "is_won", "17", "18"), 1);
        List<Candidate> booleans = ranked(field("x", "deals", "is_won", "true", "false"), 1);
        assertEquals("opportunity.is_won", booleans.get(0).target().toString());
        assertTrue(booleans.get(0).score() > numbers.get(0).score());
    }

    @Test
    void givenNames_whenSplit_thenDecorationsPluralsAndSynonymsFold() {
        assertEquals(List.of("close", "date"), Names.words("hs_close_date"));
        assertEquals(List.of("first", "name"), Names.words("FirstName"));
        assertEquals(List.of("amount"), Names.words("Amount__c"));
        assertEquals(List.of("postal", "code"), Names.words("zip_code"));
        assertEquals(List.of("opportunity"), Names.words("deals"));
        assertEquals(1.0, Names.similarity("email", "email"));
    }

    @Test
    void givenInflectedWords_whenStemmed_thenTheyMeetTheirBaseForm() {
        assertEquals(Names.stem("click"), Names.stem("clicked"));
        assertEquals(Names.stem("reply"), Names.stem("replied"));
        assertEquals(Names.stem("bounce"), Names.stem("bounced"));
        assertEquals(Names.stem("open"), Names.stem("opening"));
        assertEquals("id", Names.stem("id"));
    }
}
