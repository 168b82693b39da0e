package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final RolloutSettings ROLLED_BACK =
            new RolloutSettings(
                    ACME,
                    SourceOfTruth.YAML,
                    Optional.of("legacy"),
                    false,
                    Optional.of(Instant.EPOCH),
                    Optional.of("alice"));

    /** A store whose database can be taken away. */
    private static final class SwitchableStore implements RolloutStore {
        boolean down;

        @Override
        public Optional<RolloutSettings> find(TenantId tenant) {
            if (down) {
                throw new StoreUnavailable();
            }
            return Optional.of(ROLLED_BACK);
        }

        @Override
        public void save(RolloutSettings settings) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public boolean replace(RolloutSettings current, RolloutSettings next) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Page<RolloutSettings> followingPlan(PageRequest page) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public long countFollowingPlan() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void recordHold(TenantId tenant, java.time.Instant at) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public long countHeldSince(java.time.Instant since) {
            throw new UnsupportedOperationException("not used");
        }
    }

    /** Settings re-read on every call (no freshness window), so each call meets the outage. */
    private static RolloutService service(SwitchableStore store, Duration maxStale) {
        return new RolloutService(
                store, null, null, null, null, null, null, Duration.ZERO, maxStale);
    }

    @Test
    void givenTheStoreGoesDown_whenSettingsAreAsked_thenTheLastOnesServeAndSayTheyAreUnconfirmed() {
        SwitchableStore store = new SwitchableStore();
        RolloutService rollout = service(store, Duration.ofMinutes(30));
        assertEquals(ROLLED_BACK, rollout.current(ACME));
        assertEquals(
                Optional.empty(), rollout.staleness(ACME), "confirmed settings carry no staleness");

        store.down = true;
        assertEquals(
                ROLLED_BACK,
                rollout.current(ACME),
                "the last known settings, not a failure and not the initial ones");
        assertTrue(rollout.staleness(ACME).isPresent());
        assertTrue(rollout.oldestStaleness().compareTo(Duration.ZERO) > 0);

        store.down = false;
        rollout.current(ACME);
        assertEquals(
                Optional.empty(),
                rollout.staleness(ACME),
                "confirmed again once the store answers");
        assertEquals(Duration.ZERO, rollout.oldestStaleness());
    }

    @Test
    void
            givenTheStoreAnswersAgain_whenAnotherTenantIsRead_thenNoTenantsSettingsCountAsStaleAnyLonger() {
        SwitchableStore store = new SwitchableStore();
        RolloutService rollout = service(store, Duration.ofMinutes(30));
        TenantId idle = new TenantId("idle");
        rollout.current(idle);
        store.down = true;
        rollout.current(idle);
        assertTrue(rollout.oldestStaleness().compareTo(Duration.ZERO) > 0);

        store.down = false;
        rollout.current(ACME);
        assertEquals(
                Duration.ZERO,
                rollout.oldestStaleness(),
                "an idle tenant's copy raises no alarm after the outage");
        assertEquals(Optional.empty(), rollout.staleness(idle));
    }

    @Test
    void givenStaleSettingsBeyondTheBound_whenAsked_thenTheOutageIsReported() {
        SwitchableStore store = new SwitchableStore();
        RolloutService rollout = service(store, Duration.ZERO);
        rollout.current(ACME);
        store.down = true;
        assertThrows(StoreUnavailable.class, () -> rollout.current(ACME));
    }

    @Test
    void givenNoSettingsWereEverRead_whenTheStoreIsDown_thenTheOutageIsReported() {
        SwitchableStore store = new SwitchableStore();
        store.down = true;
        assertThrows(
                StoreUnavailable.class, () -> service(store, Duration.ofMinutes(30)).current(ACME));
    }
}
