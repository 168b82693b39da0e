package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.DecisionLogUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's decision audit trail for its admins: every decision as JSON Lines, streamed page by
 * page from the store (any period, bounded memory), and a self-contained HTML report.
 */
@EndpointGroup(Group.ADMIN)
@Path("/admin/decisions")
@RequestScoped
@Tag(name = "Intelligence administration")
public class DecisionResource {
    static final String NDJSON = "application/x-ndjson";

    /** The report's period when none is asked for: the last day. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    /** The longest period a report sums (the JSON Lines have no such bound). */
    private static final Duration LONGEST_REPORT = Duration.ofDays(366);

    /** The page allows inline styles and data images only: no script, nothing fetched. */
    static final String REPORT_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    @Inject Caller caller;
    @Inject DecisionLogUseCase decisions;
    @Inject Clock clock;

    @GET
    @Produces(NDJSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "listDecisions",
            summary = "The tenant's decisions as JSON Lines, oldest first, streamed")
    @APIResponse(responseCode = "200", description = "One decision a line")
    @APIResponse(responseCode = "400", description = "from/to not ISO-8601 instants, bad violation")
    public Response list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("strategy") String strategy,
            @QueryParam("violation") String violation) {
        Violations v = new Violations();
        Optional<Instant> since = v.check(() -> instant("from", from));
        Optional<Instant> until = v.check(() -> instant("to", to));
        Optional<Boolean> violated = v.check(() -> flag("violation", violation));
        v.throwIfAny();
        DecisionQuery query =
                new DecisionQuery(
                        since,
                        until,
                        Optional.ofNullable(strategy).filter(s -> !s.isBlank()).map(String::strip),
                        violated);
        TenantId tenant = caller.tenant();
        StreamingOutput lines =
                out -> {
                    Writer writer =
                            new BufferedWriter(
                                    new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    try {
                        decisions.each(tenant, query, d -> writeLine(writer, d));
                    } catch (UncheckedIOException gone) {
                        throw gone.getCause(); // the client went away: nothing more to write
                    }
                    writer.flush();
                };
        return Response.ok(lines, NDJSON).build();
    }

    private static void writeLine(Writer writer, Decision d) {
        try {
            JsonWriter json = Json.createWriter(writer);
            json.writeObject(DecisionJson.of(d));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/report")
    @Produces("text/html")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "decisionReport",
            summary = "A self-contained HTML report of the tenant's decisions over a period")
    @APIResponse(responseCode = "200", description = "The report (the last day by default)")
    @APIResponse(responseCode = "400", description = "from/to invalid, or longer than a year")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to) {
        Violations v = new Violations();
        Optional<Instant> since = v.check(() -> instant("from", from));
        Optional<Instant> until = v.check(() -> instant("to", to));
        v.throwIfAny();
        Instant now = clock.instant();
        Instant end = until.orElse(now);
        Instant start = since.orElse(end.minus(DEFAULT_PERIOD));
        if (!start.isBefore(end)) {
            throw new InvalidInput("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_REPORT) > 0) {
            throw new InvalidInput(
                    "from", "a report covers at most 366 days; read longer periods as JSON Lines");
        }
        TenantId tenant = caller.tenant();
        DecisionReport report = decisions.report(tenant, start, end);
        return Response.ok(DecisionReportPage.render(report, tenant, now), "text/html;charset=utf-8")
                .header("Content-Security-Policy", REPORT_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidInput(
                    field, "must be an ISO-8601 instant such as 2026-11-25T00:00:00Z");
        }
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
