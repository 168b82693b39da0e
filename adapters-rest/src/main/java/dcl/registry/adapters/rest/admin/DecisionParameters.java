package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.decision.Adherence;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.intelligence.StrategyName;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The query parameters of {@code /dcl/admin/decisions}, checked, every broken one named. */
final class DecisionParameters {
    /** The report's period when none is asked for: the last day. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    /** The longest period a report sums (the JSON Lines have no such bound). */
    private static final Duration LONGEST_REPORT = Duration.ofDays(366);

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** What a decision can name as having answered. */
    private static final List<String> ANSWERING =
            Stream.concat(
                            Arrays.stream(StrategyName.values()).map(StrategyName::label),
                            Stream.of(Adherence.DRIFT_REPAIR, Adherence.NONE))
                    .toList();

    private DecisionParameters() {}

    /** A report's period: [from, to). */
    record Period(Instant from, Instant to) {}

    static DecisionQuery query(String from, String to, String strategy, String violation) {
        Violations v = new Violations();
        Optional<Instant> since = v.check(() -> instant("from", from));
        Optional<Instant> until = v.check(() -> instant("to", to));
        Optional<Boolean> violated = v.check(() -> flag("violation", violation));
        Optional<String> answered = v.check(() -> answeredBy(strategy));
        v.throwIfAny();
        return new DecisionQuery(since, until, answered, violated);
    }

    /** The period asked for; the day before {@code to} (or before now) when {@code from} is not. */
    static Period period(String from, String to, Instant now) {
        Violations v = new Violations();
        Optional<Instant> since = v.check(() -> instant("from", from));
        Optional<Instant> until = v.check(() -> instant("to", to));
        v.throwIfAny();
        Instant end = until.orElse(now);
        Instant start = since.orElse(end.minus(DEFAULT_PERIOD));
        if (!start.isBefore(end)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_REPORT) > 0) {
            throw new InvalidInput(
                    "from", "a report covers at most 366 days; read longer periods as JSON Lines");
        }
        return new Period(start, end);
    }

    private static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInput(
                    field, "must be an ISO-8601 instant such as 2026-11-25T00:00:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            // beyond what the database's timestamps (and Java's) hold
            throw new InvalidInput(field, "must be an instant from year 1 to year 9999");
        }
        // what PostgreSQL keeps: a bound finer than that would select otherwise than it reads
        return Optional.of(at.truncatedTo(ChronoUnit.MICROS));
    }

    /** A strategy that can answer: one of the strategies, {@code drift-repair} or {@code none}. */
    private static Optional<String> answeredBy(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (!ANSWERING.contains(name)) {
            throw new InvalidInput("strategy", "must be one of " + ANSWERING);
        }
        return Optional.of(name);
    }

    private static Optional<Boolean> flag(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidInput(field, "must be true or false");
        };
    }
}
