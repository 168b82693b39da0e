package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.decision.ConfigurationOrigin;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {
    private static Decision decision(String answered, Optional<String> rankingModel) {
        return new Decision(
                UUID.randomUUID(),
                Instant.parse("2026-11-26T10:00:00Z"),
                new TenantId("acme"),
                DecisionKind.PROPOSAL,
                new SourceRef(
                        new ConnectorId("hubspot"),
                        new SourceTable("deals"),
                        new SourceField("amount")),
                new ConfigurationSnapshot(
                        new EffectiveConfiguration(
                                new StrategyConfiguration(StrategyName.LEARNED, 0.9),
                                ConfigurationOrigin.INSTALLATION,
                                0),
                        Optional.empty(),
                        Optional.empty(),
                        "minilm"),
                "learned",
                Optional.empty(),
                answered,
                rankingModel,
                List.of(),
                Optional.of(new CanonicalField("opportunity", "amount")),
                0.8,
                Duration.ofMillis(4),
                Optional.empty(),
                Optional.of(UUID.randomUUID()));
    }

    @Test
    void givenALearnedDecision_whenWrittenAsALine_thenItNamesTheRankingModelThatWeighedIt() {
        JsonObject line =
                DecisionJson.of(decision("learned", Optional.of("tenant-30-on-global-2026-11-26")));

        assertEquals("tenant-30-on-global-2026-11-26", line.getString("rankingModel"));
        assertEquals("minilm", line.getJsonObject("configuration").getString("embeddingModel"));
    }

    @Test
    void givenADecisionNoRankingModelWeighed_whenWrittenAsALine_thenItsRankingModelIsNull() {
        JsonObject line = DecisionJson.of(decision("lexical", Optional.empty()));

        assertTrue(line.containsKey("rankingModel"), "the field is always there: " + line);
        assertTrue(line.isNull("rankingModel"));
    }
}
