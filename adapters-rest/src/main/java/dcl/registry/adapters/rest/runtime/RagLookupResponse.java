package dcl.registry.adapters.rest.runtime;

/**
 * What the registry already knows for a field like this one: the target and the known mapping it
 * came from.
 */
public record RagLookupResponse(
        String connector,
        String sourceTable,
        String sourceField,
        String canonicalEntity,
        String canonicalField,
        double similarity,
        ProposalResponse.Similar matchedMapping) {}
