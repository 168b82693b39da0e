package dcl.registry.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingSearchRequestTest {
    @Test
    void givenNoOrBlankParameters_whenParsed_thenEveryFilterIsAbsentAndTheFirstPageIsAsked() {
        PagedQuery<MappingQuery> parsed =
                new MappingSearchRequest(null, " ", "", null, " ", null, null).toQuery();

        assertEquals(MappingQuery.all(), parsed.query());
        assertEquals(new PageRequest(PageRequest.DEFAULT_LIMIT, Optional.empty()), parsed.page());
    }

    @Test
    void givenEveryParameter_whenParsed_thenTheyBecomeTheQueryAndThePage() {
        PagedQuery<MappingQuery> parsed =
                new MappingSearchRequest(
                                "Salesforce", "Opportunity", "deal", "active", "amount", "5", "c1")
                        .toQuery();

        assertEquals(Optional.of(new ConnectorId("salesforce")), parsed.query().connector());
        assertEquals("Opportunity", parsed.query().table().orElseThrow().name());
        assertEquals(Optional.of("deal"), parsed.query().canonicalEntity());
        assertEquals(Optional.of(MappingStatus.ACTIVE), parsed.query().status());
        assertEquals(Optional.of("amount"), parsed.query().text());
        assertEquals(new PageRequest(5, Optional.of("c1")), parsed.page());
    }

    @Test
    void givenSeveralInvalidParameters_whenParsed_thenEveryOneIsReportedAtOnce() {
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new MappingSearchRequest(
                                                "no spaces", null, null, "lost", null, "x", null)
                                        .toQuery());

        assertEquals(
                List.of("connector", "status", "limit"),
                invalid.violations().stream().map(InvalidInput.Violation::field).toList());
    }
}
