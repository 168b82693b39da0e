package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.intelligence.MappingProposal;
import java.util.List;

/**
 * A stored proposal: the best target, the alternatives, which strategy answered, and every fallback
 * taken. When the strategy abstained there is no best target ({@code canonicalEntity} and {@code
 * canonicalField} are null, {@code confidence} is the nearest candidate's): every candidate is an
 * alternative, and {@code reasoning} says "no confident proposal".
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
        String promptVersion,
        boolean abstained) {

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
        boolean abstained = p.answer().abstained();
        return new ProposalResponse(
                p.id().toString(),
                abstained ? null : p.best().target().entity(),
                abstained ? null : p.best().target().field(),
                p.best().score(),
                p.best().reasoning(),
                p.strategy(),
                p.candidates().stream()
                        .skip(abstained ? 0 : 1)
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
                p.answer().promptVersion().orElse(null),
                abstained);
    }
}
