package dcl.registry.server;

import dcl.registry.adapters.aam.CachedLegacyMappingFolders;
import dcl.registry.adapters.persistence.cache.CacheMetrics;
import dcl.registry.adapters.persistence.cache.CachedMappingReads;
import dcl.registry.adapters.persistence.cache.RegistryCaches;
import dcl.registry.application.CanonicalSchemaService;
import dcl.registry.application.ConfidenceService;
import dcl.registry.application.DecisionService;
import dcl.registry.application.JobPaths;
import dcl.registry.application.JobService;
import dcl.registry.application.LegacyFileService;
import dcl.registry.application.LegacyImportService;
import dcl.registry.application.MappingAdminService;
import dcl.registry.application.MappingChangeFeedService;
import dcl.registry.application.MappingQueryService;
import dcl.registry.application.ParityCheckService;
import dcl.registry.application.RecordTransformService;
import dcl.registry.application.RegistryBackupService;
import dcl.registry.application.RegistryWriteGuard;
import dcl.registry.application.RolloutService;
import dcl.registry.application.RoutedMappingReads;
import dcl.registry.application.ScheduledJobService;
import dcl.registry.application.ShadowService;
import dcl.registry.domain.port.in.CalculateConfidenceUseCase;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase;
import dcl.registry.domain.port.in.RecordServiceLevelsUseCase;
import dcl.registry.domain.port.in.RolloutUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.CanonicalSchemas;
import dcl.registry.domain.port.out.DualReadObserver;
import dcl.registry.domain.port.out.JobRecords;
import dcl.registry.domain.port.out.JobRunner;
import dcl.registry.domain.port.out.LegacyMappingFiles;
import dcl.registry.domain.port.out.LegacyMappingFolders;
import dcl.registry.domain.port.out.LoadMappingChanges;
import dcl.registry.domain.port.out.LoadMappingHistory;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.RegistryTables;
import dcl.registry.domain.port.out.RolloutPlans;
import dcl.registry.domain.port.out.RolloutStore;
import dcl.registry.domain.port.out.ScheduleClaims;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.TransactionBoundary;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the use cases from the adapters that implement their ports. The services are plain Java,
 * so they are produced here rather than annotated; one instance each ({@code @Singleton}: no
 * proxy).
 */
@ApplicationScoped
public class UseCaseWiring {
    /** Dual-read comparisons run here, off the request thread. */
    @Resource ManagedExecutorService dualReadExecutor;

    private final WiringSettings settings = WiringSettings.configured();

    /** Microsecond ticks: what PostgreSQL stores, so a written mapping reads back identical. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    @Produces
    @Singleton
    JobPaths jobPaths() {
        String root =
                ConfigProvider.getConfig()
                        .getOptionalValue("dcl.jobs.root", String.class)
                        .orElse(Path.of(System.getProperty("user.dir"), "jobs").toString());
        return new JobPaths(Path.of(root));
    }

    @Produces
    @Singleton
    LegacyMappingFolders legacyFolders(LegacyMappingFiles files) {
        return new CachedLegacyMappingFolders(files, settings.legacyRefresh());
    }

    /**
     * A change on any node is in force on every node within {@code dcl.rollout.refresh} (10 s, well
     * inside the required 60). During a database outage the last settings read serve for up to
     * {@code dcl.rollout.max-stale} more, flagged by X-DCL-Rollout-Age and
     * dcl_rollout_settings_stale_seconds.
     */
    @Produces
    @Singleton
    RolloutService rollout(
            RolloutStore store,
            RolloutPlans plans,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            JobPaths paths,
            LegacyMappingFolders legacy) {
        return new RolloutService(
                store,
                plans,
                audit,
                transactions,
                clock,
                paths,
                legacy,
                settings.rolloutRefresh(),
                settings.rolloutMaxStale());
    }

    /**
     * The mapping read stack, composed here and nowhere else: routing (the registry, or the legacy
     * YAML when the tenant is rolled back; dual-read) over the cache over PostgreSQL.
     */
    @Produces
    @Singleton
    MappingReadStack mappingReads(
            LoadMappings store,
            RegistryCaches caches,
            CacheMetrics metrics,
            RolloutUseCase rollout,
            JobPaths paths,
            LegacyMappingFolders legacy,
            DualReadObserver observer,
            RecordServiceLevelsUseCase serviceLevels) {
        LoadMappings cached = new CachedMappingReads(store, caches, metrics);
        LoadMappings routed =
                new RoutedMappingReads(
                        cached, rollout, paths, legacy, observer, serviceLevels, dualReadExecutor);
        return new MappingReadStack(routed, cached, store);
    }

    /** Reads for viewers and the runtime go through the routed, cached path. */
    @Produces
    @Singleton
    MappingQueryService mappingQueries(MappingReadStack reads, LoadMappingHistory history) {
        return new MappingQueryService(reads.routed(), history);
    }

    /** The one rollout check of every use case that changes mappings, laid over each of them. */
    @Produces
    @Singleton
    RegistryWriteGuard registryWriteGuard(RolloutUseCase rollout) {
        return new RegistryWriteGuard(rollout);
    }

    /** Writes read the database itself: decisions are never taken on cached state. */
    @Produces
    @Singleton
    @Typed(MappingAdminService.class)
    MappingAdminService mappingAdmin(
            LoadMappings databaseReads,
            StoreMappings databaseWrites,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        return new MappingAdminService(databaseReads, databaseWrites, audit, transactions, clock);
    }

    @Produces
    @Singleton
    CreateMappingUseCase createMapping(MappingAdminService admin, RegistryWriteGuard guard) {
        return guard.create(admin);
    }

    @Produces
    @Singleton
    UpdateMappingUseCase updateMapping(MappingAdminService admin, RegistryWriteGuard guard) {
        return guard.update(admin);
    }

    @Produces
    @Singleton
    DeleteMappingUseCase deleteMapping(MappingAdminService admin, RegistryWriteGuard guard) {
        return guard.delete(admin);
    }

    @Produces
    @Singleton
    RecordTransformService recordTransform(MappingReadStack reads) {
        return new RecordTransformService(reads.routed());
    }

    @Produces
    @Singleton
    LegacyImportService legacyImport(
            LoadMappings databaseReads,
            StoreMappings databaseWrites,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        return new LegacyImportService(databaseReads, databaseWrites, audit, transactions, clock);
    }

    /** Parity asks the registry's read path, as the runtime does. */
    @Produces
    @Singleton
    ParityCheckService parity(MappingReadStack reads) {
        return new ParityCheckService(reads.cached());
    }

    @Produces
    @Singleton
    JobService jobs(JobRunner runner, JobRecords records, JobPaths paths) {
        return new JobService(runner, records, paths);
    }

    @Produces
    @Singleton
    ScheduledJobService scheduledJobs(
            JobRunner runner,
            ScheduleClaims claims,
            JobPaths paths,
            DecisionService decisions,
            ShadowService shadows) {
        return new ScheduledJobService(runner, claims, paths, decisions, shadows);
    }

    @Produces
    @Singleton
    RegistryBackupService registryBackup(RegistryTables tables) {
        return new RegistryBackupService(tables);
    }

    @Produces
    @Singleton
    LegacyFileService legacyFiles(LegacyMappingFiles files) {
        return new LegacyFileService(files);
    }

    @Produces
    @Singleton
    /* Schemas kept dcl.canonical.refresh per tenant: another node's change is seen within that. */
    CanonicalSchemaService canonicalSchemas(
            CanonicalSchemas schemas,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        return new CanonicalSchemaService(
                schemas, audit, transactions, clock, settings.canonicalRefresh());
    }

    @Produces
    @Singleton
    CalculateConfidenceUseCase confidence(
            LoadMappings databaseReads,
            StoreMappings databaseWrites,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock,
            RegistryWriteGuard guard) {
        return guard.confidence(
                new ConfidenceService(
                        databaseReads,
                        databaseWrites,
                        audit,
                        transactions,
                        clock,
                        IntelligenceSettings.weights()));
    }

    @Produces
    @Singleton
    MappingChangeFeedService changeFeed(LoadMappingChanges changes) {
        return new MappingChangeFeedService(changes, settings.changesPoll());
    }
}
