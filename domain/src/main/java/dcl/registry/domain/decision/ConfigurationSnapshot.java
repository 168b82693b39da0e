package dcl.registry.domain.decision;

import java.util.Optional;

/**
 * Everything that shaped a decision, as it was when it was made: the effective strategy
 * configuration and the models behind it. Never a secret: an LLM is named by its model only.
 */
public record ConfigurationSnapshot(
        EffectiveConfiguration effective,
        Optional<String> llmModel,
        Optional<String> promptVersion,
        String embeddingModel) {

    public boolean llmConfigured() {
        return llmModel.isPresent();
    }
}
