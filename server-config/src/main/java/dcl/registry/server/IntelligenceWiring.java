package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.LocalEmbeddingModel;
import dcl.registry.adapters.llm.embedding.SemanticIndex;
import dcl.registry.adapters.llm.gemini.GeminiLanguageModel;
import dcl.registry.adapters.llm.gemini.GeminiSettings;
import dcl.registry.application.CanonicalSchemaService;
import dcl.registry.application.DecisionService;
import dcl.registry.application.ProposalService;
import dcl.registry.application.ShadowService;
import dcl.registry.application.StrategyAssignments;
import dcl.registry.application.StrategyConfigurationService;
import dcl.registry.application.TenantRankingModels;
import dcl.registry.domain.decision.IntelligenceModels;
import dcl.registry.domain.intelligence.LearnedStrategy;
import dcl.registry.domain.intelligence.LexicalStrategy;
import dcl.registry.domain.intelligence.LlmStrategy;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.RagStrategy;
import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategySettings;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.DecisionLog;
import dcl.registry.domain.port.out.ProposalObserver;
import dcl.registry.domain.port.out.RankingModels;
import dcl.registry.domain.port.out.RejectedTargets;
import dcl.registry.domain.port.out.SemanticSearch;
import dcl.registry.domain.port.out.ShadowStore;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.StoredEmbeddings;
import dcl.registry.domain.port.out.StrategyChanges;
import dcl.registry.domain.port.out.TextEmbedder;
import dcl.registry.domain.port.out.TransactionBoundary;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the proposal engine from the validated settings: the strategies this installation can run,
 * the configuration in force per tenant, the decision audit trail and the shadow.
 */
@ApplicationScoped
public class IntelligenceWiring {
    private static final Logger LOG = Logger.getLogger(IntelligenceWiring.class.getName());

    /** Shadow comparisons running at once on a node; more are skipped (and counted). */
    private static final int SHADOW_IN_FLIGHT = 4;

    /** How often a tenant's re-ranker may be learned again while its mappings keep changing. */
    private static final Duration TENANT_RANKER_REFRESH = Duration.ofSeconds(60);

    @Resource ManagedExecutorService background;

    @Produces
    @Singleton
    StrategySettings strategySettings() {
        return IntelligenceSettings.strategy();
    }

    @Produces
    @Singleton
    GeminiSettings geminiSettings() {
        return IntelligenceSettings.gemini();
    }

    /** The model the embedder runs (the {@code TextEmbedder} bean, {@code OnnxTextEmbedder}). */
    @Produces
    @Singleton
    @Typed(LocalEmbeddingModel.class)
    LocalEmbeddingModel embeddingModel() {
        return IntelligenceSettings.embeddingModel();
    }

    @Produces
    @Singleton
    SemanticIndex semanticIndex(TextEmbedder embedder, StoredEmbeddings stored) {
        return new SemanticIndex(embedder, stored);
    }

    @Produces
    @Singleton
    StrategyCatalog strategyCatalog(
            GeminiSettings gemini,
            SemanticSearch index,
            RankingModels models,
            RejectedTargets rejected,
            Instance<GeminiLanguageModel> geminiModel) {
        // an LLM only with a key: the settings check refused to start when the configured strategy
        // needs one
        Optional<ProposalStrategy> llm =
                gemini.configured()
                        ? Optional.of(new LlmStrategy(geminiModel.get(), index))
                        : Optional.empty();
        return new StrategyCatalog(
                new LexicalStrategy(),
                new RagStrategy(index),
                llm,
                new LearnedStrategy(index, models, rejected, IntelligenceSettings.abstainBelow()));
    }

    @Produces
    @Singleton
    RankingModels rankingModels(SemanticSearch index, CanonicalSchemaService schemas, Clock clock) {
        return new TenantRankingModels(
                RankingModel.global(), index, schemas, background, TENANT_RANKER_REFRESH, clock);
    }

    @Produces
    @Singleton
    StrategyAssignments strategyAssignments(StrategySettings settings, StrategyChanges changes) {
        return new StrategyAssignments(
                changes, settings.installation(), IntelligenceSettings.configurationRefresh());
    }

    @Produces
    @Singleton
    DecisionService decisions(
            DecisionLog log,
            StrategyAssignments assignments,
            GeminiSettings gemini,
            TextEmbedder embedder,
            ProposalObserver observer,
            Clock clock) {
        IntelligenceModels models =
                new IntelligenceModels(
                        gemini.configured() ? Optional.of(gemini.model()) : Optional.empty(),
                        gemini.configured()
                                ? Optional.of(GeminiLanguageModel.PROMPT_VERSION)
                                : Optional.empty(),
                        embedder.model());
        return new DecisionService(log, assignments, models, observer, clock);
    }

    @Produces
    @Singleton
    ShadowService shadow(
            ShadowStore store,
            StrategyAssignments assignments,
            StrategyCatalog catalog,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        return new ShadowService(
                store,
                assignments,
                catalog,
                IntelligenceSettings.equivalenceGate(),
                background,
                SHADOW_IN_FLIGHT,
                IntelligenceSettings.shadowRate(),
                audit,
                transactions,
                clock,
                IntelligenceSettings.configurationRefresh());
    }

    @Produces
    @Singleton
    StrategyConfigurationService strategyConfigurations(
            StrategyChanges changes,
            StrategyAssignments assignments,
            StrategyCatalog catalog,
            ShadowService shadow,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        return new StrategyConfigurationService(
                changes, assignments, catalog, shadow, audit, transactions, clock);
    }

    @Produces
    @Singleton
    ProposalService proposals(
            CanonicalSchemaService schemas,
            StrategySettings settings,
            GeminiSettings gemini,
            StrategyCatalog catalog,
            DecisionService decisions,
            ShadowService shadow,
            SemanticSearch index,
            StoreProposals store,
            AuditTrail audit,
            ProposalObserver observer,
            TransactionBoundary transactions,
            Clock clock) {
        LOG.info(
                "Proposal strategy of the installation: "
                        + settings.installation().label()
                        + " (per tenant: GET /dcl/admin/intelligence/strategy); "
                        + gemini);
        return new ProposalService(
                schemas,
                catalog,
                decisions,
                shadow,
                index,
                settings.lookupThreshold(),
                store,
                audit,
                observer,
                transactions,
                clock);
    }
}
