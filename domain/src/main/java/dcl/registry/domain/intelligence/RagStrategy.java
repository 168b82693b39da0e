package dcl.registry.domain.intelligence;

import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval over what the registry already knows: the targets of the most similar known ACTIVE mappings,
 * and the canonical fields whose descriptions read most like the source field. A candidate's score is
 * its best similarity.
 */
public final class RagStrategy implements ProposalStrategy {
  static final int NEIGHBOURS = 8;
  private final SemanticSearch search;

  public RagStrategy(SemanticSearch search) {
    this.search = search;
  }

  @Override
  public StrategyAnswer propose(ProposalContext context) {
    List<SimilarMapping> similar = search.similarMappings(context.tenant(), context.request(), NEIGHBOURS);
    Map<CanonicalField, Candidate> best = new LinkedHashMap<>();
    for (SimilarMapping s : similar) {
      keepBest(best, new Candidate(s.target(), round(s.similarity()), String.format(Locale.ROOT,
          "known mapping %s reads alike (similarity %.2f)", s.source(), s.similarity())));
    }
    for (Candidate c : search.similarCanonicalFields(context.schema(), context.request(), context.limit())) {
      keepBest(best, c);
    }
    List<Candidate> ranked = new ArrayList<>(best.values());
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.target().toString()));
    List<Candidate> top = ranked.subList(0, Math.min(context.limit(), ranked.size()));
    return new StrategyAnswer(StrategyName.RAG.label(), top, similar, java.util.Optional.empty(), List.of());
  }

  private static void keepBest(Map<CanonicalField, Candidate> best, Candidate candidate) {
    best.merge(candidate.target(), candidate, (a, b) -> a.score() >= b.score() ? a : b);
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
