package dcl.registry.adapters.rest.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SampleValues;
import dcl.registry.domain.intelligence.StrategyName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProposeMappingRequestTest {
    private static ProposeMappingRequest request(List<String> samples, String strategy) {
        return request(samples, strategy, null);
    }

    private static ProposeMappingRequest request(
            List<String> samples, String strategy, Integer alternatives) {
        return new ProposeMappingRequest(
                "salesforce",
                "Opportunity",
                "Amount",
                samples,
                "deal size",
                null,
                "number",
                strategy,
                alternatives);
    }

    @Test
    void givenASourceAndSamples_whenParsed_thenNullSamplesAreDroppedAndNoStrategyIsAsked() {
        List<String> samples = new ArrayList<>();
        samples.add("12");
        samples.add(null);

        ProposeMappingRequest.Proposal proposal = request(samples, null).toProposal();

        assertEquals("salesforce", proposal.request().source().connector().value());
        assertEquals("Amount", proposal.request().source().field().name());
        assertEquals(List.of("12"), proposal.request().samples());
        assertEquals(Optional.of("deal size"), proposal.request().description());
        assertEquals(Optional.empty(), proposal.request().tableDescription());
        assertEquals(Optional.empty(), proposal.strategy());
        assertEquals(AlternativesWanted.DEFAULT, proposal.alternatives().count());
    }

    @Test
    void givenAlternativesAsked_whenParsed_thenThatManyAreListed() {
        ProposeMappingRequest.Proposal proposal = request(List.of(), null, 0).toProposal();

        assertEquals(0, proposal.alternatives().count());
        assertEquals(1, proposal.alternatives().candidates());
    }

    @Test
    void givenNoSamples_whenParsed_thenThereAreNone() {
        assertEquals(List.of(), request(null, null).toProposal().request().samples());
    }

    @Test
    void givenAKnownStrategy_whenParsed_thenItIsAsked() {
        assertEquals(
                StrategyName.parse("lexical"),
                request(List.of(), "lexical").toProposal().strategy());
    }

    @Test
    void
            givenTooManySamplesAnUnknownStrategyAndTooManyAlternatives_whenParsed_thenAllAreReported() {
        List<String> tooMany = Collections.nCopies(SampleValues.MAX + 1, "x");
        int tooManyAlternatives = AlternativesWanted.MAX + 1;

        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () -> request(tooMany, "guess", tooManyAlternatives).toProposal());

        assertEquals(
                List.of("sampleValues", "strategy", "alternatives"),
                invalid.violations().stream().map(InvalidInput.Violation::field).toList());
    }

    @Test
    void givenATypeLongerThanAnyDeclaredType_whenParsed_thenRefusedNamingType() {
        String longType = "t".repeat(ProposalRequest.MAX_TYPE_LENGTH + 1);
        InvalidInput invalid =
                assertThrows(
                        InvalidInput.class,
                        () ->
                                new ProposeMappingRequest(
                                                "salesforce",
                                                "Opportunity",
                                                "Amount",
                                                null,
                                                null,
                                                null,
                                                longType,
                                                null,
                                                null)
                                        .toProposal());
        assertEquals(
                List.of("type"),
                invalid.violations().stream().map(InvalidInput.Violation::field).toList());
    }
}
