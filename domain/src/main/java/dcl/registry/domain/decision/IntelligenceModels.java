package dcl.registry.domain.decision;

import java.util.Optional;

/**
 * The models behind this installation's strategies, as a decision records them: the LLM's model and
 * prompt version when one is configured (never its key), and the embedding model.
 */
public record IntelligenceModels(
        Optional<String> llmModel, Optional<String> promptVersion, String embeddingModel) {

    public ConfigurationSnapshot snapshot(EffectiveConfiguration effective) {
        return new ConfigurationSnapshot(effective, llmModel, promptVersion, embeddingModel);
    }
}
