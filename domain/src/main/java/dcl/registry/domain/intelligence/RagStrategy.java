package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Retrieval over what the registry knows, in two kinds of evidence:
 *
 * <ul>
 *   <li>known ACTIVE mappings whose source reads like this field: a close look-alike (similarity at
 *       least {@value #TRUSTED_NEIGHBOUR}) proposes its target with that similarity;
 *   <li>canonical fields whose name and description read like the field and its description,
 *       re-ranked with the lexical evidence (hybrid retrieval: sentence embeddings alone confuse
 *       short identifiers such as {@code id} across entities, and words alone miss synonyms the
 *       model knows).
 * </ul>
 *
 * A candidate's score is the stronger of the two; weaker look-alikes add a small vote.
 */
public final class RagStrategy implements ProposalStrategy {
    static final int NEIGHBOURS = 8;
    static final double TRUSTED_NEIGHBOUR = 0.8;
    private static final double LEXICAL_WEIGHT = 0.55;
    private static final double SEMANTIC_WEIGHT = 0.45;
    private static final double NEIGHBOUR_VOTE = 0.1;
    private final SemanticSearch search;

    public RagStrategy(SemanticSearch search) {
        this.search = search;
    }

    @Override
    public StrategyAnswer propose(ProposalContext context) {
        List<SimilarMapping> similar =
                search.similarMappings(context.tenant(), context.request(), NEIGHBOURS);
        int everyField =
                context.schema().entities().stream().mapToInt(e -> e.fields().size()).sum();
        Map<CanonicalField, Candidate> lexical = new HashMap<>();
        LexicalMatcher.rank(context, everyField).forEach(c -> lexical.put(c.target(), c));

        Map<CanonicalField, SimilarMapping> closest = new HashMap<>();
        for (SimilarMapping s : similar) {
            closest.merge(s.target(), s, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }

        Map<CanonicalField, Double> meaning = new HashMap<>();
        search.similarCanonicalFields(
                        context.tenant(), context.schema(), context.request(), everyField)
                .forEach(c -> meaning.put(c.target(), c.score()));

        List<Candidate> ranked = new ArrayList<>();
        for (CanonicalEntity entity : context.schema().entities()) {
            for (CanonicalFieldDefinition field : entity.fields()) {
                CanonicalField target = new CanonicalField(entity.name(), field.name());
                double semantic = meaning.getOrDefault(target, 0.0);
                double words =
                        Optional.ofNullable(lexical.get(target)).map(Candidate::score).orElse(0.0);
                double neighbour =
                        Optional.ofNullable(closest.get(target))
                                .map(SimilarMapping::similarity)
                                .orElse(0.0);
                double hybrid =
                        Math.min(
                                1,
                                LEXICAL_WEIGHT * words
                                        + SEMANTIC_WEIGHT * semantic
                                        + NEIGHBOUR_VOTE * neighbour);
                if (neighbour >= TRUSTED_NEIGHBOUR && neighbour >= hybrid) {
                    ranked.add(
                            new Candidate(
                                    target,
                                    round(neighbour),
                                    String.format(
                                            Locale.ROOT,
                                            "known mapping %s reads alike (similarity %.2f)",
                                            closest.get(target).source(),
                                            neighbour)));
                } else {
                    ranked.add(
                            new Candidate(
                                    target,
                                    round(hybrid),
                                    String.format(
                                            Locale.ROOT,
                                            "meaning %.2f, words %.2f, look-alike mappings %.2f",
                                            semantic,
                                            words,
                                            neighbour)));
                }
            }
        }
        // a trusted look-alike whose target the schema no longer defines still counts: it is what
        // the tenant runs
        for (SimilarMapping s : similar) {
            if (!context.schema().defines(s.target())
                    && s.similarity() >= TRUSTED_NEIGHBOUR
                    && ranked.stream().noneMatch(c -> c.target().equals(s.target()))) {
                ranked.add(
                        new Candidate(
                                s.target(),
                                round(s.similarity()),
                                "known mapping " + s.source() + " reads alike"));
            }
        }
        ranked.sort(
                Comparator.comparingDouble(Candidate::score)
                        .reversed()
                        .thenComparing(c -> c.target().toString()));
        return new StrategyAnswer(
                StrategyName.RAG.label(),
                ranked.subList(0, Math.min(context.limit(), ranked.size())),
                similar,
                Optional.empty(),
                List.of());
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
