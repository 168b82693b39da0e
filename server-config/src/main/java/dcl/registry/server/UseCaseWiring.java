package dcl.registry.server;

import dcl.registry.application.MappingAdminService;
import dcl.registry.application.MappingQueryService;
import dcl.registry.application.RecordTransformService;
import dcl.registry.application.TransactionBoundary;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappingHistory;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

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

  @Produces
  @Singleton
  MappingQueryService mappingQueries(LoadMappings mappings, LoadMappingHistory history) {
    return new MappingQueryService(mappings, history);
  }

  @Produces
  @Singleton
  MappingAdminService mappingAdmin(
      LoadMappings load, StoreMappings store, AuditTrail audit, TransactionBoundary transactions, Clock clock) {
    return new MappingAdminService(load, store, audit, transactions, clock);
  }

  @Produces
  @Singleton
  RecordTransformService recordTransform(LoadMappings mappings) {
    return new RecordTransformService(mappings);
  }
}
