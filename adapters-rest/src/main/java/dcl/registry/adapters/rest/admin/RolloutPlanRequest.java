package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.error.InvalidInput;
import java.math.BigDecimal;

/** Body of {@code PUT /dcl/admin/rollout/plan}: {@code {"percent": 0..100, "reason": "…"}}. */
public record RolloutPlanRequest(BigDecimal percent, String reason) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The share asked for: a whole number from 0 to 100. */
    int share() {
        return share(percent);
    }

    /** A share of tenants as requests write it, checked: a whole number from 0 to 100. */
    static int share(BigDecimal percent) {
        if (percent == null) {
            throw new InvalidInput("percent", "is required: a whole number from 0 to 100");
        }
        if (percent.signum() < 0
                || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 0) {
            throw new InvalidInput(
                    "percent", "must be a whole number from 0 to 100 (got " + percent + ")");
        }
        return percent.intValueExact();
    }
}
