package dcl.registry.adapters.rest.review;

import dcl.registry.domain.approval.PendingFilter;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The filters of {@code GET /dcl/approvals/pending} as sent; each is optional. */
record PendingRequest(String connector, String entity, String minAge) {
    /** The filter; every invalid parameter is reported at once. */
    PendingFilter toFilter() {
        Violations violations = new Violations();
        Optional<ConnectorId> byConnector =
                connector == null
                        ? Optional.empty()
                        : Optional.ofNullable(violations.check(() -> new ConnectorId(connector)));
        Optional<Duration> age = minAge == null ? Optional.empty() : age(violations);
        violations.throwIfAny();
        return new PendingFilter(
                byConnector, Optional.ofNullable(entity).filter(e -> !e.isBlank()), age);
    }

    private Optional<Duration> age(Violations violations) {
        try {
            Optional<Duration> age =
                    Optional.of(Duration.parse(minAge)).filter(d -> !d.isNegative());
            if (age.isEmpty()) {
                violations.add("minAge", "must not be negative");
            }
            return age;
        } catch (DateTimeParseException notADuration) {
            violations.add("minAge", "must be an ISO-8601 duration such as PT30M or P2D");
            return Optional.empty();
        }
    }
}
