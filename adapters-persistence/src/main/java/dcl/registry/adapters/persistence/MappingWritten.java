package dcl.registry.adapters.persistence;

import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;

/** Fired for every mapping write; observers that run after commit keep caches and feeds honest. */
public record MappingWritten(TenantId tenant, SourceRef source) {}
