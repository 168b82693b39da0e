package dcl.registry.application;

import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.error.StrategyUnavailable;
import dcl.registry.domain.intelligence.CanonicalProfile;
import dcl.registry.domain.intelligence.KnownMapping;
import dcl.registry.domain.intelligence.LearnedStrategy;
import dcl.registry.domain.intelligence.MatchFeature;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.CanonicalSchemaUseCase;
import dcl.registry.domain.port.out.RankingModels;
import dcl.registry.domain.port.out.SemanticSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each tenant's re-ranker: the global model, adjusted to what the tenant's own known mappings (its
 * reviewers' approved decisions among them) show about which evidence is right in this tenant.
 * Every known mapping is an example, its features computed as if it were unknown (its own vote and
 * its own neighbour left out), and the fit is pulled towards the global model, so a few examples
 * adjust it rather than replace it. Only the weights of the evidence drawn from known mappings are
 * adjusted: a known mapping holds names and a target only, so it cannot show how much a field's
 * description, meaning or values weigh (learning those from names alone left warm proposals
 * under-confident: calibration error 0.10 against 0.03), and as every one has a target, it would
 * teach the model never to abstain. Learned again off the caller's thread when the tenant's
 * mappings have changed, at most once per {@code refresh}; until then the last model (or the global
 * one) serves.
 */
public class TenantRankingModels implements RankingModels {
    public static final int MIN_EXAMPLES = 20;

    /**
     * The most recent mappings learned from: enough to adjust fifteen weights, and a bounded cost
     * (a few seconds of one core at 1,000 canonical fields and 100,000 mappings) taken from
     * callers.
     */
    public static final int MAX_EXAMPLES = 150;

    static final double PULL = 0.01;

    /** Known mappings up to which a tenant's first model is learned on the caller's thread. */
    static final int SMALL_TENANT = 1_000;

    static final int ITERATIONS = 150;
    private static final Logger LOG = Logger.getLogger(TenantRankingModels.class.getName());

    /** A tenant's model, the knowledge it was learned from, when, and whether it is its own. */
    private record Learned(RankingModel model, long knowledge, Instant at, boolean own) {}

    private final RankingModel global;
    private final SemanticSearch search;
    private final CanonicalSchemaUseCase schemas;
    private final Executor background;
    private final Duration refresh;
    private final Clock clock;
    private final Map<TenantId, Learned> learned = new ConcurrentHashMap<>();
    private final Set<TenantId> learning = ConcurrentHashMap.newKeySet();

    public TenantRankingModels(
            RankingModel global,
            SemanticSearch search,
            CanonicalSchemaUseCase schemas,
            Executor background,
            Duration refresh,
            Clock clock) {
        this.global = global;
        this.search = search;
        this.schemas = schemas;
        this.background = background;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public RankingModel modelFor(TenantId tenant) {
        Learned last = learned.get(tenant);
        long knowledge = search.knowledgeVersion(tenant);
        boolean stale = last == null || last.knowledge() != knowledge;
        boolean due = last == null || !clock.instant().isBefore(last.at().plus(refresh));
        boolean ownYet = last != null && last.own();
        if (stale && !ownYet && small(tenant) && learning.add(tenant)) {
            // a small tenant's first own model is learned at once (well under a second), so its
            // first proposals after it knows enough already weigh what it knows
            learn(tenant, knowledge);
            return learned.getOrDefault(
                            tenant, new Learned(global, knowledge, clock.instant(), false))
                    .model();
        }
        if (stale && due && learning.add(tenant)) {
            try {
                background.execute(() -> learn(tenant, knowledge));
            } catch (RejectedExecutionException busy) {
                learning.remove(tenant);
            }
        }
        return last == null ? global : last.model();
    }

    private boolean small(TenantId tenant) {
        return search.knownMappings(tenant, SMALL_TENANT + 1).size() <= SMALL_TENANT;
    }

    /** Learns the tenant's model now (the background task; tests call it directly). */
    void learn(TenantId tenant, long knowledge) {
        long started = System.nanoTime();
        try {
            List<RankingModel.Example> examples = examples(tenant);
            boolean own = examples.size() >= MIN_EXAMPLES;
            RankingModel model =
                    !own
                            ? global
                            : adjusted(
                                    global,
                                    examples,
                                    "tenant-" + examples.size() + "-on-" + global.version());
            learned.put(tenant, new Learned(model, knowledge, clock.instant(), own));
            if (own) {
                // what a learning costs shows in the log: it is taken from the tenant's callers
                LOG.info(
                        () ->
                                String.format(
                                        Locale.ROOT,
                                        "Re-ranker of tenant %s learned from %d known mappings in"
                                                + " %d ms: %s",
                                        tenant,
                                        examples.size(),
                                        (System.nanoTime() - started) / 1_000_000,
                                        model.version()));
            }
        } catch (StrategyUnavailable | IllegalArgumentException unavailable) {
            LOG.log(
                    Level.INFO,
                    "The re-ranker of tenant " + tenant + " was not learned",
                    unavailable);
        } finally {
            learning.remove(tenant);
        }
    }

    /**
     * The global model adjusted to a tenant's examples: the weights of the evidence known mappings
     * can show, pulled towards the global ones (the offline trainer simulates tenants with it).
     */
    public static RankingModel adjusted(
            RankingModel global, List<RankingModel.Example> examples, String version) {
        return global.adjusted(
                examples, MatchFeature.FROM_KNOWN_MAPPINGS, PULL, ITERATIONS, version);
    }

    private List<RankingModel.Example> examples(TenantId tenant) {
        CanonicalSchema schema = schemas.schema(tenant);
        CanonicalProfile profile = CanonicalProfile.of(tenant, schema);
        List<RankingModel.Example> examples = new ArrayList<>();
        for (KnownMapping known : search.knownMappings(tenant, MAX_EXAMPLES)) {
            if (!schema.defines(known.target())) {
                continue;
            }
            ProposalRequest request = ProposalRequest.of(known.source());
            LearnedStrategy.Inputs inputs =
                    LearnedStrategy.Inputs.ofSchema(search, tenant, profile, request)
                            .knowing(search, tenant, request, Optional.of(known));
            examples.add(
                    LearnedStrategy.evaluate(profile, request, inputs)
                            .example(Set.of(known.target())));
        }
        return examples;
    }
}
