package dcl.registry.server;

import dcl.registry.domain.port.out.LoadMappings;

/**
 * The layers of the mapping read stack, each a {@link LoadMappings}: {@code routed} (registry or
 * legacy YAML per tenant's rollout state) over {@code cached} over {@code store} (PostgreSQL).
 * Built in one place ({@link UseCaseWiring#mappingReads}); each use case is handed the layer it
 * reads from.
 */
record MappingReadStack(LoadMappings routed, LoadMappings cached, LoadMappings store) {}
