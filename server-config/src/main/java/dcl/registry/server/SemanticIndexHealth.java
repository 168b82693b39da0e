package dcl.registry.server;

import dcl.registry.adapters.llm.embedding.SemanticIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The semantic index's load, for operators: UP either way (proposals answer while it warms, listing
 * {@code rag} as degraded), with the state and progress as data.
 */
@Readiness
@ApplicationScoped
public class SemanticIndexHealth implements HealthCheck {
    @Inject SemanticIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("semantic-index")
                .up()
                .withData("state", index.ready() ? "ready" : "warming")
                .withData("mappings", index.size())
                .withData("loaded", index.loaded())
                .withData("toLoad", index.toLoad())
                .build();
    }
}
