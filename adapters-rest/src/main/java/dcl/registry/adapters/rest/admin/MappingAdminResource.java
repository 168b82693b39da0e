package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.EndpointGroup;
import dcl.registry.adapters.rest.EndpointGroup.Group;
import dcl.registry.adapters.rest.EntityTags;
import dcl.registry.adapters.rest.MappingResponse;
import dcl.registry.adapters.rest.security.Caller;
import dcl.registry.adapters.rest.security.Roles;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingReplacement;
import dcl.registry.domain.port.in.CreateMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase;
import dcl.registry.domain.port.in.DeleteMappingUseCase.DeleteMapping;
import dcl.registry.domain.port.in.UpdateMappingUseCase;
import dcl.registry.domain.port.in.UpdateMappingUseCase.MappingEdit;
import dcl.registry.domain.port.in.UpdateMappingUseCase.UpdateMapping;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Providers;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins create, change and retire mappings; every write is versioned and audited. */
@EndpointGroup(Group.WRITE)
@Path("/mappings")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mappings")
@RolesAllowed(Roles.ADMIN)
public class MappingAdminResource {
    private static final String WRITES_FROZEN =
            "Writes are frozen: the tenant is rolled back to the legacy YAML";

    @Inject Caller caller;
    @Inject CreateMappingUseCase create;
    @Inject UpdateMappingUseCase update;
    @Inject DeleteMappingUseCase delete;
    @Context UriInfo uri;
    @Context Providers providers;

    @POST
    @Operation(operationId = "createMapping", summary = "Create a mapping (ACTIVE)")
    @APIResponse(responseCode = "201", description = "Created; Location names the new mapping")
    @APIResponse(responseCode = "400", description = "Invalid body; every invalid field is listed")
    @APIResponse(
            responseCode = "409",
            description =
                    "The identity exists already (table compared case-insensitively): use PUT;"
                            + " or writes are frozen (the tenant is rolled back to the YAML)")
    public Response create(CreateMappingRequest body) {
        FieldMapping created =
                create.create(required(body).toCommand(caller.tenant(), caller.actor()));
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("mappings")
                                .path(created.id().toString())
                                .build())
                .tag(EntityTags.of(created.version()))
                .entity(MappingResponse.from(created))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "replaceMapping",
            summary = "Replace a mapping's target, transform and confidence; If-Match required",
            description =
                    "The body is the mapping's representation as GET returns it (edited), or just"
                            + " the changeable fields: canonicalEntity, canonicalField, transform,"
                            + " confidence, and an optional reason. It replaces the whole content: an"
                            + " absent or null transform means none (copy as is), an absent or null"
                            + " confidence 1.0; to change only some fields, PATCH. Identity fields (id,"
                            + " connector, sourceTable, sourceField) may be sent and must equal the"
                            + " stored ones (the table compared case-insensitively); a different one is"
                            + " a 400 naming it. Read-only fields (status, version, provenance,"
                            + " createdAt, updatedAt, updatedBy) are ignored: If-Match names the"
                            + " version the change is based on.")
    @APIResponse(responseCode = "200", description = "The new version; ETag is its version")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body, or an identity field that differs from the stored one")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    @APIResponse(responseCode = "409", description = WRITES_FROZEN)
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            UpdateMappingRequest body) {
        MappingId mappingId = MappingId.parse(id);
        Optional<Long> expected = EntityTags.version(ifMatch);
        MappingReplacement replacement = required(body).toReplacement();
        FieldMapping updated =
                update.update(
                        UpdateMapping.replacing(
                                caller.tenant(), caller.actor(), mappingId, expected, replacement));
        return withVersion(updated);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "patchMapping",
            summary =
                    "Change some of a mapping's fields with a JSON Merge Patch (RFC 7396); If-Match"
                            + " required",
            description =
                    "Content-Type application/merge-patch+json (any other is a 415). The patch is"
                            + " applied to the mapping's current representation (as GET returns it): a"
                            + " member with a value sets it, null removes it ({\"transform\": null}"
                            + " clears the transform, {\"confidence\": null} sets 1.0), members not"
                            + " named keep their value, so {\"confidence\": 0.8} changes only the"
                            + " confidence. A reason member goes to the audit trail. The result is"
                            + " validated like a PUT body and stored as a new, audited version."
                            + " Identity fields cannot change (400 naming the field); read-only fields"
                            + " cannot be patched (400 naming the field).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = UpdateMappingRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "confidence only",
                                        value =
                                                "{\"confidence\": 0.8, \"reason\": \"spot"
                                                        + " check\"}"),
                                @ExampleObject(
                                        name = "clear the transform",
                                        value = "{\"transform\": null}")
                            }))
    @APIResponse(responseCode = "200", description = "The new version; ETag is its version")
    @APIResponse(
            responseCode = "400",
            description =
                    "Not a JSON object, an invalid result, or a patched identity or read-only"
                            + " field")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    @APIResponse(responseCode = "409", description = WRITES_FROZEN)
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current")
    @APIResponse(
            responseCode = "415",
            description = "Content-Type is not application/merge-patch+json")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        MappingId mappingId = MappingId.parse(id);
        Optional<Long> expected = EntityTags.version(ifMatch);
        MappingEdit edit = MergePatch.parse(body).edit(providers);
        FieldMapping updated =
                update.update(
                        new UpdateMapping(
                                caller.tenant(), caller.actor(), mappingId, expected, edit));
        return withVersion(updated);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "retireMapping",
            summary = "Retire a mapping: it becomes DEPRECATED and stays in the history")
    @APIResponse(responseCode = "204", description = "Retired (also when it was retired already)")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such mapping for your tenant")
    @APIResponse(responseCode = "409", description = WRITES_FROZEN)
    @APIResponse(
            responseCode = "412",
            description = "If-Match names a version that is no longer current")
    public Response delete(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("reason") String reason) {
        MappingId mappingId = MappingId.parse(id);
        Optional<Long> expected = EntityTags.version(ifMatch);
        delete.delete(
                new DeleteMapping(
                        caller.tenant(),
                        caller.actor(),
                        mappingId,
                        expected,
                        Optional.ofNullable(reason).filter(r -> !r.isBlank())));
        return Response.noContent().build();
    }

    private static Response withVersion(FieldMapping updated) {
        return Response.ok(MappingResponse.from(updated))
                .tag(EntityTags.of(updated.version()))
                .build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: a JSON object");
        }
        return body;
    }
}
