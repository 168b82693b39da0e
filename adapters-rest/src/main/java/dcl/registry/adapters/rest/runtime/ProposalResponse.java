package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.MappingProposal;
import java.util.List;

/**
 * A stored proposal: the best target, the alternatives, which strategy answered, and every fallback
 * taken.
 */
public record ProposalResponse(
        String proposalId,
        String canonicalEntity,
        String canonicalField,
        double confidence,
        String reasoning,
        String strategy,
        List<Alternative> alternatives,
        List<String> degraded,
        List<Similar> similarMappings,
        String promptVersion) {

    /** Another candidate. */
    public record Alternative(String canonicalEntity, String canonicalField, double confidence) {}

    /** A known mapping the strategy found alike (the evidence behind a {@code rag} answer). */
    public record Similar(
            String mappingId,
            String source,
            String canonicalEntity,
            String canonicalField,
            double similarity) {}

    static ProposalResponse from(MappingProposal p) {
        return new ProposalResponse(
                p.id().toString(),
                p.best().target().entity(),
                p.best().target().field(),
                p.best().score(),
                p.best().reasoning(),
                p.strategy(),
                p.candidates().stream()
                        .skip(1)
                        .map(
                                c ->
                                        new Alternative(
                                                c.target().entity(), c.target().field(), c.score()))
                        .toList(),
                p.degraded().stream().map(Object::toString).toList(),
                p.answer().similar().stream()
                        .map(
                                s ->
                                        new Similar(
                                                s.mappingId().toString(),
                                                s.source().toString(),
                                                s.target().entity(),
                                                s.target().field(),
                                                Math.round(s.similarity() * 1000) / 1000.0))
                        .toList(),
                p.answer().promptVersion().orElse(null));
    }
}
