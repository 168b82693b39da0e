package dcl.registry.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Waits until the deployment's semantic index has loaded (its readiness data says {@code ready}).
 */
final class SemanticIndexReady {
    private SemanticIndexReady() {}

    static void await() {
        await(Api.anonymous());
    }

    static void await(Api node) {
        Awaitility.await("the semantic index finishes loading")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ready(node.get("/health/ready")));
    }

    private static boolean ready(Api.Reply health) {
        if (!health.body().contains("\"semantic-index\"")) {
            return false;
        }
        JsonObject check =
                health.json().getJsonArray("checks").stream()
                        .map(c -> c.asJsonObject())
                        .filter(c -> c.getString("name").equals("semantic-index"))
                        .findFirst()
                        .orElseThrow();
        return check.getJsonObject("data").getString("state").equals("ready");
    }
}
