package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.decision.DecisionQuery;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.DecisionLogUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
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
        DecisionQuery query = DecisionParameters.query(from, to, strategy, violation);
        return Response.ok(new DecisionLines(decisions, caller.tenant(), query), NDJSON).build();
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
        Instant now = clock.instant();
        DecisionParameters.Period period = DecisionParameters.period(from, to, now);
        TenantId tenant = caller.tenant();
        DecisionReport report = decisions.report(tenant, period.from(), period.to());
        return Response.ok(
                        DecisionReportPage.render(report, tenant, now), "text/html;charset=utf-8")
                .header("Content-Security-Policy", REPORT_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
