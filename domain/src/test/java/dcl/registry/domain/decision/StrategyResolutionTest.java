package dcl.registry.domain.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutStage;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StrategyResolutionTest {
    private static final StrategyConfiguration INSTALLATION =
            new StrategyConfiguration(StrategyName.MIXED, 0.9);
    private static final StrategyConfiguration RAG =
            new StrategyConfiguration(StrategyName.RAG, 0.9);
    private static final StrategyConfiguration LEXICAL =
            new StrategyConfiguration(StrategyName.LEXICAL, 0.9);

    private static StrategyChange change(
            long id, Optional<TenantId> tenant, Optional<StrategyConfiguration> c, int percent) {
        return new StrategyChange(
                id,
                tenant,
                1,
                c,
                percent,
                Optional.empty(),
                0,
                tenant.isPresent() ? StrategyChangeKind.SET : StrategyChangeKind.ROLLOUT,
                Optional.empty(),
                false,
                Instant.EPOCH,
                new Actor("ops"),
                new TenantId("ops"));
    }

    /** A tenant whose place in the rollout's line is {@code position}. */
    private static TenantId tenantAt(int position) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> new TenantId("t-" + i))
                .filter(t -> RolloutStage.position(t) == position)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void givenNothingSet_thenTheInstallationsAtVersionZero() {
        TenantId t = new TenantId("acme");
        assertEquals(
                new EffectiveConfiguration(INSTALLATION, ConfigurationOrigin.INSTALLATION, 0),
                StrategyResolution.resolve(t, INSTALLATION, Optional.empty(), Optional.empty()));
    }

    @Test
    void givenARolloutAt25Percent_thenItReachesPositionsBelow25Only_andStaysStickyWhenRaised() {
        TenantId early = tenantAt(10);
        TenantId late = tenantAt(40);
        Optional<StrategyChange> at25 =
                Optional.of(change(3, Optional.empty(), Optional.of(RAG), 25));
        assertEquals(
                new EffectiveConfiguration(RAG, ConfigurationOrigin.ROLLOUT, 3),
                StrategyResolution.resolve(early, INSTALLATION, Optional.empty(), at25));
        assertEquals(
                ConfigurationOrigin.INSTALLATION,
                StrategyResolution.resolve(late, INSTALLATION, Optional.empty(), at25).origin());
        Optional<StrategyChange> at50 =
                Optional.of(change(4, Optional.empty(), Optional.of(RAG), 50));
        assertEquals(
                ConfigurationOrigin.ROLLOUT,
                StrategyResolution.resolve(early, INSTALLATION, Optional.empty(), at50).origin());
        assertEquals(
                ConfigurationOrigin.ROLLOUT,
                StrategyResolution.resolve(late, INSTALLATION, Optional.empty(), at50).origin());
    }

    @Test
    void givenTheTenantsOwn_thenItWinsOverTheRollout_andAnOwnResetFallsBackToTheRollout() {
        TenantId early = tenantAt(5);
        Optional<StrategyChange> rollout =
                Optional.of(change(3, Optional.empty(), Optional.of(RAG), 100));
        Optional<StrategyChange> own =
                Optional.of(change(9, Optional.of(early), Optional.of(LEXICAL), 100));
        assertEquals(
                new EffectiveConfiguration(LEXICAL, ConfigurationOrigin.TENANT, 9),
                StrategyResolution.resolve(early, INSTALLATION, own, rollout));
        Optional<StrategyChange> reset =
                Optional.of(change(10, Optional.of(early), Optional.empty(), 100));
        assertEquals(
                new EffectiveConfiguration(RAG, ConfigurationOrigin.ROLLOUT, 3),
                StrategyResolution.resolve(early, INSTALLATION, reset, rollout));
    }
}
