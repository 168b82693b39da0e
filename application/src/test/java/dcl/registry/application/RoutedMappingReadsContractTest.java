package dcl.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.RecordServiceLevelsUseCase;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.out.DualReadObserver;
import dcl.registry.domain.port.out.InMemoryMappings;
import dcl.registry.domain.port.out.LegacyMappingFolders;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.LoadMappingsContract;
import dcl.registry.domain.port.out.MappingContractFixtures;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.SourceOfTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing layer keeps the read contract for tenants the registry answers, with dual-read on as
 * well: the comparison with the (here empty) legacy folder never changes an answer.
 */
class RoutedMappingReadsContractTest {
    private final InMemoryMappings registry = new InMemoryMappings();
    private final AtomicInteger compared = new AtomicInteger();
    private final List<String> judgedDualReads = new ArrayList<>();
    @TempDir static Path jobs;

    /** Each tenant's legacy folder, empty. */
    @BeforeEach
    void emptyLegacyFolders() throws IOException {
        for (String tenant : List.of("acme", "globex")) {
            Files.createDirectories(jobs.resolve(tenant).resolve("legacy"));
        }
    }

    private LoadMappings routed(Function<TenantId, RolloutSettings> settings) {
        return new RoutedMappingReads(
                registry,
                new SettledRollout(settings),
                new JobPaths(jobs),
                new EmptyFolders(),
                new CountingObserver(compared),
                new DualReadsJudged(judgedDualReads),
                Runnable::run);
    }

    @Nested
    class OnTheRegistry extends LoadMappingsContract {
        private final LoadMappings reads = routed(RolloutSettings::initial);

        @Override
        protected LoadMappings reads() {
            return reads;
        }

        @Override
        protected StoreMappings store() {
            return registry;
        }
    }

    @Nested
    class WithDualRead extends LoadMappingsContract {
        private final LoadMappings reads =
                routed(
                        tenant ->
                                new RolloutSettings(
                                        tenant,
                                        SourceOfTruth.REGISTRY,
                                        Optional.of("legacy"),
                                        true,
                                        Optional.empty(),
                                        Optional.empty()));

        @Override
        protected LoadMappings reads() {
            return reads;
        }

        @Override
        protected StoreMappings store() {
            return registry;
        }

        @Test
        void givenAMapping_whenLookedUp_thenTheAnswerIsComparedWithTheLegacyFolder() {
            SourceRef amount =
                    new SourceRef(
                            new ConnectorId("salesforce"),
                            new SourceTable("opportunity"),
                            new SourceField("amount"));
            reads.byIdentity(new TenantId("acme"), amount);
            assertEquals(1, compared.get());
        }

        @Test
        void givenAServedMapping_whenAskedInMemory_thenNothingIsAnsweredSinceAComparisonIsDue() {
            FieldMapping active =
                    registry.insert(
                            MappingContractFixtures.mapping(
                                    MappingContractFixtures.ACME,
                                    MappingContractFixtures.source(
                                            "salesforce", "opportunity", "amount"),
                                    MappingStatus.ACTIVE));
            assertEquals(
                    Optional.of(active), registry.servedInMemory(active.tenant(), active.source()));
            assertEquals(Optional.empty(), reads.servedInMemory(active.tenant(), active.source()));
            assertEquals(0, compared.get(), "nothing answered, nothing compared");
        }
    }

    @Test
    void givenMismatches_whenOnlyOneTenantFollowsThePlan_thenOnlyItsJudgeThePlansStage() {
        SourceRef amount = MappingContractFixtures.source("salesforce", "opportunity", "amount");
        TenantId ownRollout = new TenantId("acme");
        TenantId planFollower = new TenantId("globex");
        for (TenantId tenant : List.of(ownRollout, planFollower)) {
            registry.insert(MappingContractFixtures.mapping(tenant, amount, MappingStatus.ACTIVE));
        }
        LoadMappings reads =
                routed(
                        tenant ->
                                new RolloutSettings(
                                        tenant,
                                        tenant.equals(planFollower)
                                                ? SourceOfTruth.PLAN
                                                : SourceOfTruth.REGISTRY,
                                        Optional.of("legacy"),
                                        true,
                                        Optional.empty(),
                                        Optional.empty(),
                                        SourceOfTruth.REGISTRY));

        reads.byIdentity(ownRollout, amount);
        reads.byIdentity(planFollower, amount);

        assertEquals(2, compared.get(), "both compared (their legacy folders hold nothing)");
        assertEquals(
                List.of("globex mismatched"),
                judgedDualReads,
                "the plan follower's mismatch alone reaches the guard, with its tenant: acme, on its"
                        + " own rollout, has no plan to be held from");
    }

    /** Every tenant's settings as given. */
    private record SettledRollout(Function<TenantId, RolloutSettings> settings)
            implements RolloutUseCase {
        @Override
        public RolloutSettings current(TenantId tenant) {
            return settings.apply(tenant);
        }

        @Override
        public Optional<Duration> staleness(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public RolloutSettings change(
                TenantId tenant,
                Actor actor,
                SourceOfTruth sourceOfTruth,
                Optional<String> legacyPath,
                boolean dualRead,
                Optional<String> reason) {
            throw new UnsupportedOperationException("reads never change the rollout");
        }
    }

    /** Legacy folders here hold no file, so there is never one to read or write. */
    /** Every tenant's legacy folder holds no accepted entry. */
    private static final class EmptyFolders implements LegacyMappingFolders {
        @Override
        public Optional<AcceptedEntry> find(Path folder, SourceRef source) {
            return Optional.empty();
        }

        @Override
        public List<AcceptedEntry> table(Path folder, SourceRef anyFieldOfTable) {
            return List.of();
        }

        @Override
        public long loadedAtMillis(Path folder) {
            return 0;
        }

        @Override
        public int size(Path folder) {
            return 0;
        }
    }

    /** The dual reads that reach the rollout's guard: tenant, matched or not. */
    private record DualReadsJudged(List<String> seen) implements RecordServiceLevelsUseCase {
        @Override
        public void readAnswered(
                Optional<TenantId> tenant, boolean lookup, boolean serverError, long nanos) {}

        @Override
        public void cacheReads(TenantId tenant, long hits, long misses) {}

        @Override
        public void dualRead(RolloutSettings comparedUnder, boolean matched) {
            seen.add(comparedUnder.tenant().value() + (matched ? " matched" : " mismatched"));
        }
    }

    /** Counts comparisons. */
    private record CountingObserver(AtomicInteger compared) implements DualReadObserver {
        @Override
        public void compared(TenantId tenant, boolean matched) {
            compared.incrementAndGet();
        }

        @Override
        public void mismatch(TenantId tenant, ParityMismatch mismatch) {}

        @Override
        public void servedFromYaml(TenantId tenant) {}
    }
}
