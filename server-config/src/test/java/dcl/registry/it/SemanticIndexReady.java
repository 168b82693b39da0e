package dcl.registry.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Waits until the deployment's semantic index has loaded (its readiness data says {@code ready}). */
final class SemanticIndexReady {
  private SemanticIndexReady() {}

  static void await() {
    await(Api.anonymous());
  }

  static void await(Api node) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      Api.Reply health = node.get("/health/ready");
      if (health.body().contains("\"semantic-index\"")) {
        JsonObject check = health.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
            .filter(c -> c.getString("name").equals("semantic-index")).findFirst().orElseThrow();
        if (check.getJsonObject("data").getString("state").equals("ready")) {
          return;
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("the semantic index did not finish loading within 120 s");
  }
}
