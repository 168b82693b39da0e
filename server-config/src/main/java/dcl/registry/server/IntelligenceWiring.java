package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.MiniLmTextEmbedder;
import dcl.registry.adapters.llm.gemini.GeminiLanguageModel;
import dcl.registry.adapters.llm.gemini.GeminiSettings;
import dcl.registry.adapters.persistence.JdbcEmbeddings;
import dcl.registry.adapters.persistence.JpaMappingRepository;
import dcl.registry.application.CanonicalSchemaService;
import dcl.registry.application.ProposalService;
import dcl.registry.application.SemanticIndex;
import dcl.registry.application.TransactionBoundary;
import dcl.registry.domain.intelligence.LexicalStrategy;
import dcl.registry.domain.intelligence.LlmStrategy;
import dcl.registry.domain.intelligence.MixedStrategy;
import dcl.registry.domain.intelligence.ProposalStrategy;
import dcl.registry.domain.intelligence.RagStrategy;
import dcl.registry.domain.intelligence.StrategySettings;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.ProposalObserver;
import dcl.registry.domain.port.out.StoreProposals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/** Builds the proposal engine from the validated settings: the configured strategy, nothing else. */
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
  SemanticIndex semanticIndex(MiniLmTextEmbedder embedder, JdbcEmbeddings stored, JpaMappingRepository mappings) {
    return new SemanticIndex(embedder, stored, mappings);
  }

  @Produces
  @Singleton
  ProposalStrategy strategy(StrategySettings settings, GeminiSettings gemini, SemanticIndex index,
      Instance<GeminiLanguageModel> geminiModel) {
    LexicalStrategy lexical = new LexicalStrategy();
    RagStrategy rag = new RagStrategy(index);
    Optional<ProposalStrategy> llm = gemini.configured() ? Optional.of(new LlmStrategy(geminiModel.get(), index)) : Optional.empty();
    ProposalStrategy chosen = switch (settings.strategy()) {
      case LEXICAL -> lexical;
      case RAG -> rag;
      case LLM -> llm.orElseThrow(); // the settings check refused to start without a key
      case MIXED -> new MixedStrategy(rag, llm, lexical, settings.mixedRagThreshold());
    };
    LOG.info("Proposal strategy: " + (chosen instanceof MixedStrategy ? chosen : settings.strategy().label()) + "; " + gemini);
    return chosen;
  }

  @Produces
  @Singleton
  ProposalService proposals(CanonicalSchemaService schemas, ProposalStrategy strategy, SemanticIndex index,
      StrategySettings settings, StoreProposals store, AuditTrail audit, ProposalObserver observer,
      TransactionBoundary transactions, Clock clock) {
    return new ProposalService(schemas, strategy, index, settings.lookupThreshold(), store, audit, observer, transactions, clock);
  }
}
