package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.problem.Problem;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.port.in.GetMappingHistoryUseCase;
import dcl.registry.domain.port.in.GetMappingUseCase;
import dcl.registry.domain.port.in.GetTableMappingsUseCase;
import dcl.registry.domain.port.in.LookUpMappingUseCase;
import dcl.registry.domain.port.in.SearchMappingsUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading mappings: lookups for the runtime, lists and search for people. */
@EndpointGroup(Group.LIST_SEARCH)
@Path("/mappings")
// one instance for every request (its collaborators are proxies of the request's own): the
// runtime's hot path does not build and inject a resource per lookup
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mappings")
@RolesAllowed({Roles.VIEWER, Roles.SERVICE, Roles.REVIEWER, Roles.ADMIN, Roles.OPERATOR})
public class MappingReadResource {
    static final String UUID =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject Caller caller;
    @Inject LookUpMappingUseCase lookUp;
    @Inject GetMappingUseCase getMapping;
    @Inject GetTableMappingsUseCase tableMappings;
    @Inject SearchMappingsUseCase search;
    @Inject GetMappingHistoryUseCase history;
    @Inject LookupBodies bodies;
    @Context Request request;

    @GET
    @Operation(
            operationId = "searchMappings",
            summary = "Search mappings",
            description =
                    "All filters optional; cursor pagination. ?connector=<id> lists one"
                            + " connector's mappings.")
    @APIResponse(responseCode = "200", description = "A page of mappings")
    @APIResponse(
            responseCode = "400",
            description = "An invalid filter, limit outside 1..1000, or a foreign cursor")
    public PageResponse<MappingResponse> search(
            @QueryParam("connector") String connector,
            @QueryParam("table") String table,
            @QueryParam("entity") String entity,
            @QueryParam("status") String status,
            @QueryParam("q") String text,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PagedQuery<MappingQuery> request =
                new MappingSearchRequest(connector, table, entity, status, text, limit, cursor)
                        .toQuery();
        return PageResponse.from(
                search.search(caller.tenant(), request.query(), request.page()),
                MappingResponse::from);
    }

    @GET
    @Path("{id: " + UUID + "}")
    @Operation(
            operationId = "getMapping",
            summary = "One mapping by id, in any status; ETag is its version",
            description =
                    "The id is a UUID. For compatibility, GET of this path with a segment that is"
                            + " not a UUID lists that connector's mappings, as"
                            + " searchMappings with ?connector= does (one template cannot"
                            + " document both): a connector id shaped like a UUID is read as a"
                            + " mapping id.")
    @APIResponse(
            responseCode = "200",
            description = "The mapping",
            content = @Content(schema = @Schema(implementation = MappingResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the If-None-Match version")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    public Response byId(@PathParam("id") String id) {
        return withVersion(getMapping.get(caller.tenant(), MappingId.parse(id)));
    }

    @GET
    @Path("{id: " + UUID + "}/history")
    @Operation(
            operationId = "getMappingHistory",
            summary = "Every version of a mapping: who, when, why, before and after",
            description =
                    "Oldest first, page by page like every list: {\"items\": [...], \"next\":"
                            + " \"<cursor or null>\"}; pass next as cursor for the following page.")
    @APIResponse(responseCode = "200", description = "A page of the mapping's history")
    @APIResponse(
            responseCode = "400",
            description = "limit outside 1..1000, or a cursor this service did not issue")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    public PageResponse<HistoryEntryResponse> history(
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PagedQuery<MappingId> request = PagedQuery.parse(() -> MappingId.parse(id), limit, cursor);
        return PageResponse.from(
                history.history(caller.tenant(), request.query(), request.page()),
                HistoryEntryResponse::from);
    }

    @GET
    @Path("{connector}")
    // Hidden: /openapi cannot hold this template next to /mappings/{id} (the same template), and
    // searchMappings with ?connector= is the same list; getMapping documents this path.
    @Operation(hidden = true)
    public PageResponse<MappingResponse> ofConnector(
            @PathParam("connector") String connector,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PagedQuery<MappingQuery> request =
                PagedQuery.parse(
                        () -> MappingQuery.ofConnector(new ConnectorId(connector)), limit, cursor);
        return PageResponse.from(
                search.search(caller.tenant(), request.query(), request.page()),
                MappingResponse::from);
    }

    @GET
    @Path("{connector}/{table}")
    @EndpointGroup(Group.TABLE_SET)
    @Operation(
            operationId = "getTableMappings",
            summary = "The ACTIVE mapping set of a table; ETag/If-None-Match supported")
    @APIResponse(
            responseCode = "200",
            description = "The mapping set",
            content = @Content(schema = @Schema(implementation = TableMappingsResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match version")
    @APIResponse(responseCode = "400", description = "An invalid connector or table")
    @APIResponse(responseCode = "404", description = "No ACTIVE mapping for this table")
    public Response table(
            @PathParam("connector") String connector, @PathParam("table") String table) {
        Violations violations = new Violations();
        ConnectorId id = violations.check(() -> new ConnectorId(connector));
        SourceTable sourceTable = violations.check(() -> new SourceTable(table));
        violations.throwIfAny();
        TableMappingSet set = tableMappings.tableMappings(caller.tenant(), id, sourceTable);
        return conditionally(
                new EntityTag("t" + set.version()), () -> TableMappingsResponse.from(set));
    }

    @GET
    @Path("{connector}/{table}/{field: .+}")
    @EndpointGroup(Group.LOOKUP)
    @Operation(
            operationId = "lookUpMapping",
            summary = "The runtime's lookup: the ACTIVE mapping of one source field")
    @APIResponse(
            responseCode = "200",
            description = "The mapping",
            content = @Content(schema = @Schema(implementation = MappingResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid connector, table or field")
    @APIResponse(responseCode = "404", description = "No ACTIVE mapping for this field")
    public Response lookUp(
            @PathParam("connector") String connector,
            @PathParam("table") String table,
            @PathParam("field") String field) {
        Violations violations = new Violations();
        ConnectorId id = violations.check(() -> new ConnectorId(connector));
        SourceTable sourceTable = violations.check(() -> new SourceTable(table));
        SourceField sourceField = violations.check(() -> new SourceField(field));
        violations.throwIfAny();
        SourceRef source = new SourceRef(id, sourceTable, sourceField);
        LookupTrace.record(caller.tenant(), source);
        return withVersion(lookUp.lookUp(caller.tenant(), source));
    }

    /** The mapping's body as serialised once for its version ({@link LookupBodies}), tagged. */
    private Response withVersion(FieldMapping mapping) {
        return conditionally(EntityTags.of(mapping.version()), () -> bodies.of(mapping));
    }

    /**
     * The representation with its tag; 304 when If-None-Match names the current tag, a 412 problem
     * when If-Match names another one.
     */
    private Response conditionally(EntityTag tag, Supplier<Object> representation) {
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition == null) {
            return Response.ok(representation.get()).tag(tag).build();
        }
        Response answer = precondition.tag(tag).build();
        if (answer.getStatus() != Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            return answer;
        }
        return Problem.of(
                        412,
                        "precondition-failed",
                        "Precondition failed",
                        "If-Match does not name the current version, "
                                + tag
                                + "; read it again or leave If-Match out")
                .toResponse();
    }
}
