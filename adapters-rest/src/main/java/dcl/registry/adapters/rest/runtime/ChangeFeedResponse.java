package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.MappingResponse;
import dcl.registry.domain.model.ChangePage;
import java.util.List;

/**
 * A page of the change feed; pass {@code next} as {@code since} to continue without missing
 * anything.
 */
public record ChangeFeedResponse(List<Change> changes, long next) {
    /** One committed change and the mapping as it became (as it was, for a delete). */
    public record Change(long seq, String action, String at, MappingResponse mapping) {}

    static ChangeFeedResponse from(ChangePage page) {
        return new ChangeFeedResponse(
                page.changes().stream()
                        .map(
                                c ->
                                        new Change(
                                                c.seq(),
                                                c.action().name(),
                                                c.at().toString(),
                                                MappingResponse.from(c.mapping())))
                        .toList(),
                page.next());
    }
}
