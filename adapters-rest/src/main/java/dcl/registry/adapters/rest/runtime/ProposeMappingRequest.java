package dcl.registry.adapters.rest.runtime;

import java.util.List;

/** Body of {@code POST /dcl/intelligence/propose-mapping}. */
public record ProposeMappingRequest(
        String connector,
        String sourceTable,
        String sourceField,
        List<String> sampleValues,
        String description,
        String tableDescription,
        String type,
        String strategy) {}
