package dcl.registry.server;

import dcl.registry.adapters.persistence.JpaMappingRepository;
import dcl.registry.adapters.persistence.cache.CachedMappingReads;
import dcl.registry.application.MappingAdminService;
import dcl.registry.application.MappingChangeFeedService;
import dcl.registry.application.MappingQueryService;
import dcl.registry.application.RecordTransformService;
import dcl.registry.application.TransactionBoundary;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappingHistory;
import dcl.registry.domain.port.out.LoadMappingChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the use cases from the adapters that implement their ports. The services are plain Java,
 * so they are produced here rather than annotated; one instance each ({@code @Singleton}: no proxy).
 */
@ApplicationScoped
public class UseCaseWiring {
  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
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
  MappingChangeFeedService changeFeed(LoadMappingChanges changes) {
    return new MappingChangeFeedService(changes, Duration.ofMillis(200));
  }
}
