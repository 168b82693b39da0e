package dcl.registry.server;

import dcl.registry.adapters.persistence.JpaMappingRepository;
import dcl.registry.adapters.persistence.cache.CachedMappingReads;
import dcl.registry.application.MappingAdminService;
import dcl.registry.application.JobPaths;
import dcl.registry.application.JobService;
import dcl.registry.application.LegacyImportService;
import dcl.registry.application.MappingChangeFeedService;
import dcl.registry.application.ParityCheckService;
import dcl.registry.application.MappingQueryService;
import dcl.registry.application.RecordTransformService;
import dcl.registry.application.TransactionBoundary;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappingHistory;
import dcl.registry.domain.port.out.JobRecords;
import dcl.registry.domain.port.out.JobRunner;
import dcl.registry.domain.port.out.LoadMappingChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the use cases from the adapters that implement their ports. The services are plain Java,
 * so they are produced here rather than annotated; one instance each ({@code @Singleton}: no proxy).
 */
@ApplicationScoped
public class UseCaseWiring {
  /** Microsecond ticks: what PostgreSQL stores, so a written mapping reads back identical. */
  @Produces
  @Singleton
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
  }

  /** Reads for viewers and the runtime go through the cache. */
  @Produces
  @Singleton
  MappingQueryService mappingQueries(CachedMappingReads cached, LoadMappingHistory history) {
    return new MappingQueryService(cached, history);
  }

  /** Writes read the database itself: decisions are never taken on cached state. */
  @Produces
  @Singleton
  MappingAdminService mappingAdmin(
      JpaMappingRepository database, AuditTrail audit, TransactionBoundary transactions, Clock clock) {
    return new MappingAdminService(database, database, audit, transactions, clock);
  }

  @Produces
  @Singleton
  RecordTransformService recordTransform(CachedMappingReads cached) {
    return new RecordTransformService(cached);
  }

  @Produces
  @Singleton
  LegacyImportService legacyImport(JpaMappingRepository database, AuditTrail audit, TransactionBoundary transactions, Clock clock) {
    return new LegacyImportService(database, database, audit, transactions, clock);
  }

  /** Parity asks the registry's read path, as the runtime does. */
  @Produces
  @Singleton
  ParityCheckService parity(CachedMappingReads cached) {
    return new ParityCheckService(cached);
  }

  @Produces
  @Singleton
  JobService jobs(JobRunner runner, JobRecords records) {
    String root = ConfigProvider.getConfig().getOptionalValue("dcl.jobs.root", String.class)
        .orElse(Path.of(System.getProperty("user.dir"), "jobs").toString());
    return new JobService(runner, records, new JobPaths(Path.of(root)));
  }

  @Produces
  @Singleton
  MappingChangeFeedService changeFeed(LoadMappingChanges changes) {
    return new MappingChangeFeedService(changes, Duration.ofMillis(200));
  }
}
