package dcl.registry.adapters.rest.admin;

import jakarta.json.JsonValue;
import java.math.BigDecimal;

/** Bodies of the {@code /dcl/admin/intelligence} endpoints. */
final class IntelligenceRequests {
    private IntelligenceRequests() {}

    /** {@code PUT …/shadow}: {@code {"candidate": "rag" | {…}, "sample": 0..1}}. */
    public record Shadow(JsonValue candidate, BigDecimal sample) {}

    /** {@code PUT …/strategy}: {@code {"configuration": …, "force": false, "reason": "…"}}. */
    public record Strategy(JsonValue configuration, Boolean force, String reason) {}

    /** {@code PUT …/rollout}: {@code {"configuration": …, "percent": 0..100, "reason": "…"}}. */
    public record Rollout(JsonValue configuration, BigDecimal percent, String reason) {}

    /** A rollback's body, optional: {@code {"reason": "…"}}. */
    public record Rollback(String reason) {}
}
