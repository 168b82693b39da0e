package dcl.registry.adapters.rest;

import dcl.registry.domain.model.MappingChange;

/** One version of a mapping: what happened, who, when, why, before and after. */
public record HistoryEntryResponse(
        long version,
        String action,
        String actor,
        String at,
        String reason,
        MappingResponse before,
        MappingResponse after) {

    public static HistoryEntryResponse from(MappingChange change) {
        return new HistoryEntryResponse(
                change.version(),
                change.action().name(),
                change.actor().subject(),
                change.at().toString(),
                change.reason().orElse(null),
                change.before().map(MappingResponse::from).orElse(null),
                change.after().map(MappingResponse::from).orElse(null));
    }
}
