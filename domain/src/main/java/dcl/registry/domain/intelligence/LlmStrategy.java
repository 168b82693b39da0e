package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.port.out.LanguageModel;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the language model to choose among a shortlist of canonical fields, with similar known
 * mappings as examples. An answer naming a field the schema does not define is rejected, never
 * passed on.
 */
public final class LlmStrategy implements ProposalStrategy {
    static final int SHORTLIST = 20;
    private final LanguageModel model;
    private final SemanticSearch search;

    public LlmStrategy(LanguageModel model, SemanticSearch search) {
        this.model = model;
        this.search = search;
    }

    @Override
    public StrategyAnswer propose(ProposalContext context) {
        List<Candidate> shortlist = LexicalMatcher.rank(context, SHORTLIST);
        List<SimilarMapping> similar;
        try {
            similar =
                    search.similarMappings(
                            context.tenant(), context.request(), RagStrategy.NEIGHBOURS);
        } catch (StrategyUnavailable warming) {
            similar = List.of();
        }
        Set<CanonicalField> offered = new LinkedHashSet<>();
        similar.stream()
                .map(SimilarMapping::target)
                .filter(context.schema()::defines)
                .forEach(offered::add);
        shortlist.forEach(c -> offered.add(c.target()));
        List<CanonicalCandidate> candidates =
                offered.stream().map(f -> describe(context, f)).toList();

        LlmSuggestion answer =
                model.suggest(
                        new LlmQuestion(context.tenant(), context.request(), candidates, similar));
        if (!context.schema().defines(answer.target())) {
            throw new StrategyUnavailable(
                    StrategyName.LLM.label(),
                    "answer rejected: it named "
                            + answer.target()
                            + ", which the canonical schema does not define");
        }
        List<Candidate> ranked = new ArrayList<>();
        ranked.add(new Candidate(answer.target(), clamp(answer.confidence()), answer.reasoning()));
        Set<CanonicalField> seen = new LinkedHashSet<>(List.of(answer.target()));
        for (CanonicalField alternative : answer.alternatives()) {
            if (context.schema().defines(alternative)
                    && seen.add(alternative)
                    && ranked.size() < context.limit()) {
                ranked.add(
                        new Candidate(
                                alternative,
                                lexicalScore(shortlist, alternative),
                                "alternative named by the model"));
            }
        }
        for (Candidate c : shortlist) {
            if (seen.add(c.target()) && ranked.size() < context.limit()) {
                ranked.add(c);
            }
        }
        return new StrategyAnswer(
                StrategyName.LLM.label(),
                ranked,
                similar,
                Optional.of(answer.promptVersion()),
                List.of());
    }

    private static CanonicalCandidate describe(ProposalContext context, CanonicalField field) {
        Optional<CanonicalFieldDefinition> definition =
                context.schema()
                        .entity(field.entity())
                        .flatMap(
                                (CanonicalEntity e) ->
                                        e.fields().stream()
                                                .filter(f -> f.name().equals(field.field()))
                                                .findFirst());
        return new CanonicalCandidate(
                field,
                definition.flatMap(CanonicalFieldDefinition::type),
                definition.flatMap(CanonicalFieldDefinition::description));
    }

    private static double lexicalScore(List<Candidate> shortlist, CanonicalField field) {
        return shortlist.stream()
                .filter(c -> c.target().equals(field))
                .mapToDouble(Candidate::score)
                .findFirst()
                .orElse(0);
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
