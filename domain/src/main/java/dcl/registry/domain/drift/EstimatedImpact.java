package dcl.registry.domain.drift;

/**
 * What a repair touches: existing mappings changed, source tables, and canonical fields fed
 * downstream.
 */
public record EstimatedImpact(
        int affectedMappings, int affectedTables, int downstreamCanonicalFields) {}
