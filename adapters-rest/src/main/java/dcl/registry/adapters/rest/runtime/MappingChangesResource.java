package dcl.registry.adapters.rest.runtime;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.port.in.WatchMappingChangesUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The runtime's change feed: long-poll for committed mapping changes of its tenant. */
@EndpointGroup(Group.LIST_SEARCH)
@Path("/mappings/changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runtime")
@RolesAllowed({Roles.VIEWER, Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN, Roles.OPERATOR})
public class MappingChangesResource {
    @Inject Caller caller;
    @Inject WatchMappingChangesUseCase feed;

    @GET
    @Operation(
            operationId = "watchMappingChanges",
            summary = "Committed mapping changes after a sequence number (long poll)",
            description =
                    "Answers at once when changes exist after 'since'; otherwise waits up to"
                            + " 'timeout' seconds (default 25, max 60) and answers an empty list."
                            + " Resume with 'since' = the answer's 'next'.")
    @APIResponse(
            responseCode = "200",
            description = "The changes after since (maybe none); resume with next")
    @APIResponse(
            responseCode = "400",
            description = "since, limit or timeout not a whole number, or out of range")
    public ChangeFeedResponse changes(
            @QueryParam("since") String since,
            @QueryParam("limit") String limit,
            @QueryParam("timeout") String timeout) {
        return ChangeFeedResponse.from(
                feed.changes(
                        caller.tenant(),
                        number("since", since, 0),
                        (int) number("limit", limit, 100),
                        Duration.ofSeconds(number("timeout", timeout, 25))));
    }

    private static long number(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "must be a whole number");
        }
    }
}
