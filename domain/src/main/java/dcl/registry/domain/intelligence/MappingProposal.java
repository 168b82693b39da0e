package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored proposal: what a strategy suggests for a source field, with its evidence (the ranked
 * candidates, the similar mappings used, the prompt version, every fallback taken). It goes live
 * only through a reviewer's approval. The sample values the caller sent are kept with it, so a
 * reviewer judges the proposal on the data it was made from.
 */
public record MappingProposal(
        UUID id,
        TenantId tenant,
        SourceRef source,
        List<String> samples,
        StrategyAnswer answer,
        Instant createdAt,
        Actor createdBy) {

    public MappingProposal {
        samples = List.copyOf(samples);
        if (answer.candidates().isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one candidate");
        }
    }

    public Candidate best() {
        return answer.candidates().get(0);
    }

    public List<Candidate> candidates() {
        return answer.candidates();
    }

    public String strategy() {
        return answer.strategy();
    }

    public List<Fallback> degraded() {
        return answer.degraded();
    }
}
