package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.StoreUnavailable;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RankingModels;
import dcl.registry.domain.port.out.RejectedTargets;
import dcl.registry.domain.port.out.SemanticSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every piece of evidence at once, weighed by a learned re-ranker: the field's words, its table,
 * its description, its meaning (sentence embeddings), its sample values, and what the tenant
 * already knows — same-named fields mapped in other connectors or tables, known mappings that read
 * alike, where the same table's other fields went. The {@link RankingModel} (the tenant's own,
 * learned from its decisions, or the shipped global one) turns them into a probability per
 * candidate; a target reviewers rejected for look-alike fields keeps only part of its probability;
 * below {@code abstainBelow} the answer is "no confident proposal" rather than a guess.
 */
public final class LearnedStrategy implements ProposalStrategy {
    public static final int NEIGHBOURS = 8;
    private static final double KNOWN_MEANING_FLOOR = 0.5;

    /**
     * What a target keeps of its probability for each time reviewers rejected it for a look-alike
     * field: one rejection halves it, two quarter it. The mass taken goes to "none of them", so a
     * target rejected often enough ends in an abstention rather than in the next guess's favour.
     */
    static final double KEPT_PER_REJECTION = 0.5;

    private final SemanticSearch search;
    private final RankingModels models;
    private final RejectedTargets rejected;
    private final double abstainBelow;

    public LearnedStrategy(
            SemanticSearch search,
            RankingModels models,
            RejectedTargets rejected,
            double abstainBelow) {
        this.search = search;
        this.models = models;
        this.rejected = rejected;
        this.abstainBelow = abstainBelow;
    }

    /** What a proposal weighs, gathered from the ports (an offline trainer gathers it itself). */
    public record Inputs(
            LookAlikeIndex.Votes votes,
            List<SimilarMapping> neighbours,
            Map<CanonicalField, Double> meaning,
            Map<String, Double> entityMeaning,
            Map<CanonicalField, Double> fieldMeaning) {

        /** What the schema says about a request: meaning of fields and entities, nothing known. */
        public static Inputs ofSchema(
                SemanticSearch search,
                TenantId tenant,
                CanonicalProfile profile,
                ProposalRequest request) {
            Map<CanonicalField, Double> meaning = new HashMap<>();
            search.similarCanonicalFields(
                            tenant, profile.schema(), request, profile.fields().size())
                    .forEach(c -> meaning.put(c.target(), c.score()));
            return new Inputs(
                    LookAlikeIndex.Votes.NONE,
                    List.of(),
                    meaning,
                    search.similarEntities(tenant, profile.schema(), request),
                    search.similarFieldsAlone(tenant, profile.schema(), request));
        }

        /**
         * These inputs with what the tenant's known mappings say; {@code leftOut} is a known
         * mapping whose own vote and neighbour do not count (a tenant learning from it).
         *
         * @throws StrategyUnavailable while the known mappings are still being indexed
         */
        public Inputs knowing(
                SemanticSearch search,
                TenantId tenant,
                ProposalRequest request,
                Optional<KnownMapping> leftOut) {
            LookAlikeIndex.Votes known = search.lookAlikes(tenant, request.source());
            List<SimilarMapping> alike =
                    search
                            .similarMappings(
                                    tenant, request, NEIGHBOURS + (leftOut.isPresent() ? 1 : 0))
                            .stream()
                            .filter(
                                    s ->
                                            leftOut.map(k -> !k.id().equals(s.mappingId()))
                                                    .orElse(true))
                            .limit(NEIGHBOURS)
                            .toList();
            return new Inputs(
                    leftOut.map(k -> known.without(k.target())).orElse(known),
                    alike,
                    meaning,
                    entityMeaning,
                    fieldMeaning);
        }
    }

    /** The features of each canonical field, in the profile's order. */
    public static final class Evaluation {
        private final List<CanonicalField> targets;
        private final double[][] features;

        Evaluation(List<CanonicalField> targets, double[][] features) {
            this.targets = List.copyOf(targets);
            this.features = features;
        }

        public List<CanonicalField> targets() {
            return targets;
        }

        /** One row per target, one column per {@link MatchFeature#index()}. */
        public double[][] features() {
            return features;
        }

        /** These candidates as an example to learn from, the targets in {@code right} right. */
        public RankingModel.Example example(Set<CanonicalField> right) {
            boolean[] flags = new boolean[targets.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = right.contains(targets.get(i));
            }
            return new RankingModel.Example(features, flags);
        }
    }

    @Override
    public StrategyAnswer propose(ProposalContext context) {
        List<Fallback> degraded = new ArrayList<>();
        CanonicalProfile profile = CanonicalProfile.of(context.tenant(), context.schema());
        Inputs inputs = gather(context, profile, degraded);
        Evaluation evaluation = evaluate(profile, context.request(), inputs);
        RankingModel model = models.modelFor(context.tenant());
        double[] probability = model.probabilities(evaluation.features());
        Map<CanonicalField, Integer> rejections = rejections(context, degraded);
        for (int i = 0; i < probability.length; i++) {
            probability[i] *=
                    Math.pow(
                            KEPT_PER_REJECTION,
                            rejections.getOrDefault(evaluation.targets().get(i), 0));
        }
        Integer[] order = new Integer[probability.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(i -> -probability[i])
                        .thenComparing(i -> evaluation.targets().get(i).toString()));
        List<Candidate> ranked = new ArrayList<>();
        for (int k = 0; k < Math.min(context.limit(), order.length); k++) {
            int i = order[k];
            CanonicalField target = evaluation.targets().get(i);
            int times = rejections.getOrDefault(target, 0);
            ranked.add(
                    new Candidate(
                            target,
                            Math.round(probability[i] * 1000) / 1000.0,
                            model.explain(evaluation.features()[i])
                                    + (times == 0
                                            ? ""
                                            : String.format(
                                                    Locale.ROOT,
                                                    "; rejected %d× by reviewers for look-alike"
                                                            + " fields (×%.2f)",
                                                    times,
                                                    Math.pow(KEPT_PER_REJECTION, times)))));
        }
        boolean abstained = ranked.isEmpty() || ranked.get(0).score() < abstainBelow;
        if (!ranked.isEmpty()) {
            // the first candidate says which model weighed it (the tenant's own or the global
            // one), so a proposal can be traced to what had been learned when it was made
            Candidate best = ranked.get(0);
            String weighed = best.reasoning() + "; weighed by " + model.version();
            ranked.set(
                    0,
                    new Candidate(
                            best.target(),
                            best.score(),
                            abstained
                                    ? String.format(
                                            Locale.ROOT,
                                            "no confident proposal: the best candidate's"
                                                    + " probability %.2f is below %.2f; %s",
                                            best.score(),
                                            abstainBelow,
                                            weighed)
                                    : weighed));
        }
        return new StrategyAnswer(
                StrategyName.LEARNED.label(),
                ranked,
                inputs.neighbours(),
                Optional.empty(),
                Optional.of(model.version()),
                degraded,
                abstained);
    }

    /** The targets reviewers rejected for look-alikes; none, and said so, when the store is out. */
    private Map<CanonicalField, Integer> rejections(
            ProposalContext context, List<Fallback> degraded) {
        try {
            return rejected.rejectedFor(context.tenant(), context.request().source());
        } catch (StoreUnavailable unavailable) {
            degraded.add(
                    new Fallback(
                            StrategyName.LEARNED.label(),
                            "ranked without the reviewers' rejections: the store is unavailable"));
            return Map.of();
        }
    }

    private Inputs gather(
            ProposalContext context, CanonicalProfile profile, List<Fallback> degraded) {
        search.prepare(context.tenant(), context.request());
        Inputs schema = Inputs.ofSchema(search, context.tenant(), profile, context.request());
        try {
            return schema.knowing(search, context.tenant(), context.request(), Optional.empty());
        } catch (StrategyUnavailable unavailable) {
            // ranked anyway, on the schema alone, and said so
            degraded.add(
                    new Fallback(
                            StrategyName.LEARNED.label(),
                            "ranked without the known mappings: "
                                    + unavailable.fallback().reason()));
            return schema;
        }
    }

    /** The features of every canonical field for a request, from the gathered inputs. */
    public static Evaluation evaluate(
            CanonicalProfile profile, ProposalRequest request, Inputs inputs) {
        List<LexicalMatcher.Evidence> words = LexicalMatcher.evidence(profile, request);
        int n = words.size();
        double[] lexicalScore = new double[n];
        double[] meaningScore = new double[n];
        List<CanonicalField> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            targets.add(words.get(i).field().target());
            lexicalScore[i] = words.get(i).score();
            meaningScore[i] = inputs.meaning().getOrDefault(targets.get(i), 0.0);
        }
        double[] wordsRank = reciprocalRanks(lexicalScore);
        double[] fieldMeaningScore = new double[n];
        for (int i = 0; i < n; i++) {
            fieldMeaningScore[i] = inputs.fieldMeaning().getOrDefault(targets.get(i), 0.0);
        }
        double[] fieldMeaningRank = reciprocalRanks(fieldMeaningScore);
        List<String> entityNames = List.copyOf(inputs.entityMeaning().keySet());
        double[] entityRank =
                reciprocalRanks(
                        entityNames.stream().mapToDouble(inputs.entityMeaning()::get).toArray());
        Map<String, Double> entityRankOf = new HashMap<>();
        for (int k = 0; k < entityNames.size(); k++) {
            entityRankOf.put(entityNames.get(k), entityRank[k]);
        }
        double[] meaningRank = reciprocalRanks(meaningScore);
        Map<CanonicalField, Double> knownMeaning = new HashMap<>();
        for (SimilarMapping s : inputs.neighbours()) {
            knownMeaning.merge(s.target(), s.similarity(), Math::max);
        }
        Set<String> fieldWords = Set.copyOf(profile.wordsOf(request.source().field().name()));
        List<String> sampleWords = SampleValues.words(request.samples());
        double[][] features = new double[n][MatchFeature.count()];
        for (int i = 0; i < n; i++) {
            LexicalMatcher.Evidence e = words.get(i);
            double[] f = features[i];
            f[MatchFeature.NAME.index()] = e.name();
            f[MatchFeature.SAME_NAME.index()] =
                    !fieldWords.isEmpty() && fieldWords.equals(e.field().words()) ? 1 : 0;
            f[MatchFeature.TABLE_ENTITY.index()] = e.entity();
            f[MatchFeature.DESCRIPTION.index()] = Math.max(0, e.description());
            f[MatchFeature.MEANING.index()] = Math.max(0, meaningScore[i]);
            f[MatchFeature.MEANING_RANK.index()] = meaningRank[i];
            f[MatchFeature.WORDS_RANK.index()] = wordsRank[i];
            f[MatchFeature.LEXICAL.index()] = lexicalScore[i];
            f[MatchFeature.TYPE_MISMATCH.index()] = 1 - e.typeFit();
            f[MatchFeature.VALUES.index()] = valuesShare(sampleWords, e.field());
            f[MatchFeature.KNOWN_NAME.index()] = inputs.votes().fieldNameShare(targets.get(i));
            f[MatchFeature.KNOWN_TARGET.index()] = inputs.votes().targetShare(targets.get(i));
            double alike = knownMeaning.getOrDefault(targets.get(i), 0.0);
            f[MatchFeature.KNOWN_MEANING.index()] =
                    alike < KNOWN_MEANING_FLOOR
                            ? 0
                            : (alike - KNOWN_MEANING_FLOOR) / (1 - KNOWN_MEANING_FLOOR);
            f[MatchFeature.KNOWN_TABLE.index()] =
                    inputs.votes().tableShare(targets.get(i).entity());
            f[MatchFeature.ENTITY_MEANING.index()] =
                    Math.max(0, inputs.entityMeaning().getOrDefault(targets.get(i).entity(), 0.0));
            f[MatchFeature.ENTITY_MEANING_RANK.index()] =
                    entityRankOf.getOrDefault(targets.get(i).entity(), 0.0);
            f[MatchFeature.FIELD_MEANING.index()] = Math.max(0, fieldMeaningScore[i]);
            f[MatchFeature.FIELD_MEANING_RANK.index()] = fieldMeaningRank[i];
        }
        return new Evaluation(targets, features);
    }

    private static double valuesShare(List<String> sampleWords, CanonicalProfile.FieldWords f) {
        if (sampleWords.isEmpty()) {
            return 0;
        }
        long found = sampleWords.stream().filter(f.values()::contains).count();
        return (double) found / sampleWords.size();
    }

    /** 1 for the highest score, 1/2 for the next…; ties share the better rank; 0 for no score. */
    static double[] reciprocalRanks(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int higher = scores.length - upperBound(sorted, scores[i]);
            ranks[i] = scores[i] <= 0 ? 0 : 1.0 / (1 + higher);
        }
        return ranks;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "learned(abstain below %.2f)", abstainBelow);
    }
}
