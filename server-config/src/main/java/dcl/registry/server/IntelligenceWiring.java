package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.SemanticIndex;
import dcl.registry.adapters.llm.gemini.GeminiLanguageModel;
import dcl.registry.adapters.llm.gemini.GeminiSettings;
import dcl.registry.application.CanonicalSchemaService;
import dcl.registry.application.ProposalService;
import dcl.registry.domain.intelligence.LexicalStrategy;
import dcl.registry.domain.intelligence.LlmStrategy;
import dcl.registry.domain.intelligence.MixedStrategy;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.RagStrategy;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.intelligence.StrategySettings;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.ProposalObserver;
import dcl.registry.domain.port.out.SemanticSearch;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.StoredEmbeddings;
import dcl.registry.domain.port.out.TextEmbedder;
import dcl.registry.domain.port.out.TransactionBoundary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the proposal engine from the validated settings: the configured strategy, nothing else.
 */
@ApplicationScoped
public class IntelligenceWiring {
    private static final Logger LOG = Logger.getLogger(IntelligenceWiring.class.getName());

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

    @Produces
    @Singleton
    SemanticIndex semanticIndex(TextEmbedder embedder, StoredEmbeddings stored) {
        return new SemanticIndex(embedder, stored);
    }

    @Produces
    @Singleton
    ProposalService proposals(
            CanonicalSchemaService schemas,
            StrategySettings settings,
            GeminiSettings gemini,
            SemanticSearch index,
            Instance<GeminiLanguageModel> geminiModel,
            StoreProposals store,
            AuditTrail audit,
            ProposalObserver observer,
            TransactionBoundary transactions,
            Clock clock) {
        Map<StrategyName, ProposalStrategy> strategies = new EnumMap<>(StrategyName.class);
        LexicalStrategy lexical = new LexicalStrategy();
        RagStrategy rag = new RagStrategy(index);
        // an LLM only with a key: the settings check refused to start when the configured strategy
        // needs one
        Optional<ProposalStrategy> llm =
                gemini.configured()
                        ? Optional.of(new LlmStrategy(geminiModel.get(), index))
                        : Optional.empty();
        MixedStrategy mixed = new MixedStrategy(rag, llm, lexical, settings.mixedRagThreshold());
        strategies.put(StrategyName.LEXICAL, lexical);
        strategies.put(StrategyName.RAG, rag);
        llm.ifPresent(l -> strategies.put(StrategyName.LLM, l));
        strategies.put(StrategyName.MIXED, mixed);
        LOG.info(
                "Proposal strategy: "
                        + (settings.strategy() == StrategyName.MIXED
                                ? mixed
                                : settings.strategy().label())
                        + "; "
                        + gemini);
        return new ProposalService(
                schemas,
                settings.strategy(),
                strategies,
                index,
                settings.lookupThreshold(),
                store,
                audit,
                observer,
                transactions,
                clock);
    }
}
