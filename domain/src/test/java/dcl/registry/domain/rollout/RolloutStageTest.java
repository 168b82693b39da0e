package dcl.registry.domain.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.slo.SloBaseline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutStageTest {
    private static final List<TenantId> TENANTS =
            IntStream.range(0, 10_000).mapToObj(i -> new TenantId("tenant-" + i)).toList();

    static RolloutStage stage(int percent) {
        return new RolloutStage(
                1,
                percent,
                0,
                StageChange.ADVANCE,
                Optional.empty(),
                Instant.EPOCH,
                new Actor("alice"),
                new TenantId("ops"),
                new SloBaseline(0, 0),
                Optional.empty());
    }

    private static long served(int percent) {
        RolloutStage stage = stage(percent);
        return TENANTS.stream().filter(stage::servesFromRegistry).count();
    }

    @Test
    void givenAKnownTenant_whenPlaced_thenTheDocumentedHashGivesTheSamePlaceEverywhere() {
        // sha256("acme") = 822b33ad87c148a0..., 0x822b33ad87c148a0 unsigned mod 100 = 72
        assertEquals(72, RolloutStage.position(new TenantId("acme")));
        // sha256("globex"): 99, the last place; sha256("umbrella"): 32
        assertEquals(99, RolloutStage.position(new TenantId("globex")));
        assertEquals(32, RolloutStage.position(new TenantId("umbrella")));
    }

    @Test
    void givenManyTenants_whenPlaced_thenEveryPlaceIs0To99AndEachIsUsed() {
        List<Integer> places = TENANTS.stream().map(RolloutStage::position).toList();
        assertTrue(places.stream().allMatch(p -> p >= 0 && p < 100));
        assertEquals(100, places.stream().distinct().count());
    }

    @Test
    void givenAStageFrom25To75_whenAskedWhomItMoved_thenThoseBetweenThePreviousShareAndThisOne() {
        RolloutStage raised =
                new RolloutStage(
                        2,
                        75,
                        25,
                        StageChange.ADVANCE,
                        Optional.empty(),
                        Instant.EPOCH,
                        new Actor("alice"),
                        new TenantId("ops"),
                        new SloBaseline(0, 0),
                        Optional.empty());
        assertTrue(raised.moved(new TenantId("acme")), "place 72");
        assertTrue(raised.moved(new TenantId("umbrella")), "place 32");
        assertFalse(raised.moved(new TenantId("globex")), "place 99: not yet on the registry");
        assertEquals(
                java.util.stream.IntStream.range(25, 75).boxed().collect(Collectors.toSet()),
                TENANTS.stream()
                        .filter(raised::moved)
                        .map(RolloutStage::position)
                        .collect(Collectors.toSet()),
                "places 25 to 74, every one of them");
    }

    @Test
    void givenATenantServedAtALowerShare_whenTheShareIsRaised_thenItStaysOnTheRegistry() {
        RolloutStage ten = stage(10);
        RolloutStage quarter = stage(25);
        List<TenantId> atTen = TENANTS.stream().filter(ten::servesFromRegistry).toList();
        assertFalse(atTen.isEmpty());
        assertTrue(atTen.stream().allMatch(quarter::servesFromRegistry));
        for (int lower = 0; lower < 100; lower += 7) {
            RolloutStage low = stage(lower);
            RolloutStage high = stage(lower + 1);
            assertTrue(
                    TENANTS.stream()
                            .filter(low::servesFromRegistry)
                            .allMatch(high::servesFromRegistry),
                    "raised from " + lower + " %");
        }
    }

    @Test
    void givenTenThousandTenants_whenAShareIsServed_thenRoughlyThatShare() {
        assertEquals(2_500.0, (double) served(25), 200.0, "25 % ± 2 points");
        assertEquals(1_000.0, (double) served(10), 200.0);
        assertEquals(5_000.0, (double) served(50), 200.0);
        assertEquals(0, served(0));
        assertEquals(10_000, served(100));
    }

    @Test
    void givenNoPlan_whenATenantIsPlaced_thenNotOnTheRegistry() {
        assertFalse(RolloutStage.servesFromRegistry(Optional.empty(), new TenantId("acme")));
        assertTrue(RolloutStage.servesFromRegistry(Optional.of(stage(73)), new TenantId("acme")));
        assertFalse(RolloutStage.servesFromRegistry(Optional.of(stage(72)), new TenantId("acme")));
    }

    @Test
    void givenAStage_whenAskedWhetherTheGuardMayUndoIt_thenOnlyAnAdvance() {
        assertTrue(stage(10).canRollBack());
        RolloutStage s = stage(10);
        for (StageChange change : List.of(StageChange.RETREAT, StageChange.ROLLBACK)) {
            RolloutStage other =
                    new RolloutStage(
                            2,
                            5,
                            10,
                            change,
                            Optional.empty(),
                            s.decidedAt(),
                            s.decidedBy(),
                            s.owner(),
                            s.baseline(),
                            Optional.empty());
            assertFalse(other.canRollBack(), change.wireName());
        }
    }

    @Test
    void givenAShareOutside0To100_whenAStageIsBuilt_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> stage(101));
        assertThrows(IllegalArgumentException.class, () -> stage(-1));
    }
}
