package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EntityTags;
import dcl.registry.adapters.rest.MappingResponse;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase.DeleteMapping;
import dcl.registry.domain.port.in.UpdateMappingUseCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins create, change and retire mappings; every write is versioned and audited. */
@Path("/mappings")
@jakarta.enterprise.context.RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mappings")
@RolesAllowed(Roles.ADMIN)
public class MappingAdminResource {
  @Inject Caller caller;
  @Inject CreateMappingUseCase create;
  @Inject UpdateMappingUseCase update;
  @Inject DeleteMappingUseCase delete;
  @Context UriInfo uri;

  @POST
  @Operation(summary = "Create a mapping (ACTIVE)")
  @APIResponse(responseCode = "201", description = "Created; Location names the new mapping")
  @APIResponse(responseCode = "400", description = "Invalid body; every invalid field is listed")
  @APIResponse(responseCode = "409", description = "The identity exists already (table compared case-insensitively): use PUT")
  public Response create(CreateMappingRequest body) {
    FieldMapping created = create.create(required(body).toCommand(caller.tenant(), caller.actor()));
    return Response.created(uri.getBaseUriBuilder().path("mappings").path(created.id().toString()).build())
        .tag(EntityTags.of(created.version()))
        .entity(MappingResponse.from(created))
        .build();
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Change a mapping's target, transform or confidence; If-Match required")
  @APIResponse(responseCode = "200", description = "The new version")
  @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
  @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
  @APIResponse(responseCode = "428", description = "If-Match missing")
  public Response update(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UpdateMappingRequest body) {
    MappingId mappingId = MappingId.parse(id);
    Optional<Long> expected = EntityTags.version(ifMatch);
    FieldMapping updated = update.update(
        required(body).toCommand(caller.tenant(), caller.actor(), mappingId, expected));
    return Response.ok(MappingResponse.from(updated)).tag(EntityTags.of(updated.version())).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Retire a mapping: it becomes DEPRECATED and stays in the history")
  @APIResponse(responseCode = "204", description = "Retired (also when it was retired already)")
  @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
  public Response delete(
      @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @QueryParam("reason") String reason) {
    MappingId mappingId = MappingId.parse(id);
    Optional<Long> expected = EntityTags.version(ifMatch);
    delete.delete(new DeleteMapping(
        caller.tenant(), caller.actor(), mappingId, expected, Optional.ofNullable(reason).filter(r -> !r.isBlank())));
    return Response.noContent().build();
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new InvalidInput("body", "is required: a JSON object");
    }
    return body;
  }
}
