package dcl.registry.domain.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.WritesFrozen;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutSettingsTest {
    /** Place 72 in the rollout's line (see {@link RolloutStageTest}). */
    private static final TenantId ACME = new TenantId("acme");

    private static RolloutSettings settings(SourceOfTruth sourceOfTruth) {
        return new RolloutSettings(
                ACME,
                sourceOfTruth,
                Optional.of("legacy/acme"),
                true,
                Optional.of(Instant.EPOCH),
                Optional.of("alice"));
    }

    @Test
    void givenATenantFollowingThePlan_whenPlacedByAStage_thenServedByItsPlaceInLine() {
        RolloutSettings plan = settings(SourceOfTruth.PLAN);
        assertEquals(SourceOfTruth.YAML, plan.servedBy(), "until placed, its YAML answers");

        RolloutSettings below = plan.following(Optional.of(RolloutStageTest.stage(72)));
        assertEquals(SourceOfTruth.YAML, below.servedBy(), "place 72 is not within 72 %");
        assertTrue(below.yamlAnswers());
        assertThrows(WritesFrozen.class, below::requireRegistryWrites);

        RolloutSettings above = plan.following(Optional.of(RolloutStageTest.stage(73)));
        assertEquals(SourceOfTruth.REGISTRY, above.servedBy());
        assertFalse(above.yamlAnswers());
        above.requireRegistryWrites();
        assertEquals(SourceOfTruth.PLAN, above.sourceOfTruth(), "still follows the plan");
        assertEquals(plan.legacyPath(), above.legacyPath());
        assertEquals(plan.dualRead(), above.dualRead());
        assertEquals(plan.updatedAt(), above.updatedAt());
        assertEquals(plan.updatedBy(), above.updatedBy());

        assertEquals(
                SourceOfTruth.YAML,
                above.following(Optional.of(RolloutStageTest.stage(10))).servedBy(),
                "a lower stage places it back on its YAML");
        assertEquals(SourceOfTruth.YAML, above.following(Optional.empty()).servedBy(), "no plan");
    }

    @Test
    void givenATenantPlacedOnTheRegistry_whenHeldOnYaml_thenItsYamlAnswersWithItsFolderKept() {
        Instant at = Instant.parse("2026-11-27T12:00:00Z");
        RolloutSettings placed =
                settings(SourceOfTruth.PLAN).following(Optional.of(RolloutStageTest.stage(100)));

        RolloutSettings held = placed.heldOnYaml("dcl-rollout-guard", at);

        assertEquals(SourceOfTruth.YAML, held.sourceOfTruth(), "off the plan");
        assertTrue(held.yamlAnswers());
        assertFalse(held.followsPlan());
        assertEquals(
                SourceOfTruth.YAML,
                held.following(Optional.of(RolloutStageTest.stage(100))).servedBy(),
                "no stage places it back");
        assertEquals(Optional.of("legacy/acme"), held.legacyPath());
        assertTrue(held.dualRead());
        assertEquals(Optional.of(at), held.updatedAt());
        assertEquals(Optional.of("dcl-rollout-guard"), held.updatedBy());
        assertThrows(
                IllegalStateException.class,
                () -> settings(SourceOfTruth.REGISTRY).heldOnYaml("dcl-rollout-guard", at),
                "an override is its admin's choice, never held");
    }

    @Test
    void givenAnOverride_whenPlacedByAnyStage_thenLeftAlone() {
        for (SourceOfTruth override : List.of(SourceOfTruth.REGISTRY, SourceOfTruth.YAML)) {
            RolloutSettings s = settings(override);
            assertSame(s, s.following(Optional.of(RolloutStageTest.stage(100))));
            assertSame(s, s.following(Optional.of(RolloutStageTest.stage(0))));
            assertSame(s, s.following(Optional.empty()));
            assertEquals(override, s.servedBy());
        }
    }

    @Test
    void givenPlanWithoutALegacyFolder_whenBuilt_thenRefusedNamingLegacyPath() {
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of(" "))) {
            InvalidInput refused =
                    assertThrows(
                            InvalidInput.class,
                            () ->
                                    new RolloutSettings(
                                            ACME,
                                            SourceOfTruth.PLAN,
                                            none,
                                            false,
                                            Optional.empty(),
                                            Optional.empty()));
            assertEquals("legacyPath", refused.violations().get(0).field());
        }
    }

    @Test
    void givenServedByThatContradictsTheSourceOfTruth_whenBuilt_thenRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new RolloutSettings(
                                ACME,
                                SourceOfTruth.PLAN,
                                Optional.of("legacy"),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                SourceOfTruth.PLAN));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new RolloutSettings(
                                ACME,
                                SourceOfTruth.YAML,
                                Optional.of("legacy"),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                SourceOfTruth.REGISTRY));
    }

    @Test
    void givenTheWireNames_whenParsed_thenEachSource() {
        for (SourceOfTruth s : SourceOfTruth.values()) {
            assertEquals(s, SourceOfTruth.parse(s.wireName()));
        }
        assertThrows(InvalidInput.class, () -> SourceOfTruth.parse("PLAN"));
    }
}
