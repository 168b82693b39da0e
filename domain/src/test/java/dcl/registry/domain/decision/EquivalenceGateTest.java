package dcl.registry.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EquivalenceGateTest {
    private static final EquivalenceGate GATE = new EquivalenceGate(0.95, 20);
    private static final StrategyConfiguration RAG =
            new StrategyConfiguration(StrategyName.RAG, 0.9);
    private static final Optional<ShadowSettings> SHADOWING_RAG =
            Optional.of(
                    new ShadowSettings(
                            new TenantId("acme"), RAG, 1, Instant.EPOCH, new Actor("alice")));

    private static ShadowTally tally(long compared, long agreed) {
        return new ShadowTally(compared, agreed, agreed, Map.of(), 0);
    }

    @Test
    void givenEnoughAgreement_thenTheCandidateMayServe() {
        assertEquals(Optional.empty(), GATE.refusal(RAG, SHADOWING_RAG, tally(20, 19)));
        assertEquals(Optional.empty(), GATE.refusal(RAG, SHADOWING_RAG, tally(100, 95)));
    }

    @Test
    void givenTooLittleAgreement_thenRefusedWithTheFigures() {
        assertEquals(
                Optional.of(
                        "rag agreed with the serving configuration on 94.0 % of 100 live"
                                + " proposals; the gate is 95.0 %"),
                GATE.refusal(RAG, SHADOWING_RAG, tally(100, 94)));
    }

    @Test
    void givenTooFewComparisons_orAnotherCandidate_orNoShadow_thenRefused() {
        assertTrue(GATE.refusal(RAG, SHADOWING_RAG, tally(19, 19)).orElseThrow().contains("19"));
        StrategyConfiguration lexical = new StrategyConfiguration(StrategyName.LEXICAL, 0.9);
        assertTrue(
                GATE.refusal(lexical, SHADOWING_RAG, tally(100, 100))
                        .orElseThrow()
                        .contains("has not been shadowed"));
        assertTrue(GATE.refusal(RAG, Optional.empty(), tally(0, 0)).isPresent());
    }

    @Test
    void givenANonsenseGate_thenItNamesItsProperty() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> new EquivalenceGate(1.5, 1));
        assertEquals(EquivalenceGate.THRESHOLD, invalid.violations().get(0).field());
    }
}
