package dcl.registry.adapters.rest.admin;

import dcl.registry.adapters.rest.MappingResponse;
import dcl.registry.adapters.rest.input.JsonBody;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.port.in.UpdateMappingUseCase.MappingEdit;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON Merge Patch (RFC 7396) of a mapping: applied to the mapping's current representation as
 * {@code GET /dcl/mappings/{id}} renders it, the result is read exactly like a {@code PUT} body. A
 * member with a value sets it, {@code null} removes it ({@code "transform": null}: copy as is;
 * {@code "confidence": null}: back to 1.0), an object merges into the object there, anything not
 * named stays. {@code reason} may be added for the audit trail. Identity members must keep their
 * value (checked by the domain, like a PUT's); read-only members cannot be changed by a patch (a
 * 400 names them).
 */
final class MergePatch {
    /**
     * Looked up once: each {@code Json.create…} call looks the provider up again (under Liberty, a
     * ClassNotFoundException thrown and caught every time).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String MEDIA_TYPE = "application/merge-patch+json";
    private static final List<String> READ_ONLY =
            List.of("status", "version", "provenance", "createdAt", "updatedAt", "updatedBy");
    private static final Annotation[] NONE = new Annotation[0];

    private final JsonObject patch;

    private MergePatch(JsonObject patch) {
        this.patch = patch;
    }

    /** Reads the patch document, a JSON object, by the same strict rules as every other body. */
    static MergePatch parse(byte[] body) {
        JsonValue document =
                JsonBody.parse(body == null ? new byte[0] : body)
                        .orElseThrow(
                                () ->
                                        new InvalidInput(
                                                "body",
                                                "is required: a JSON merge patch object, e.g."
                                                        + " {\"confidence\": 0.8}"));
        if (document.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(
                    "body",
                    "must be a JSON object (a merge patch of the mapping's representation)");
        }
        return new MergePatch(document.asJsonObject());
    }

    /** The edit an update applies, in its own transaction, to the mapping's current version. */
    MappingEdit edit(Providers providers) {
        return current -> applyTo(current, providers).toReplacement();
    }

    /**
     * The patched representation of {@code current}, read as a PUT body is, by the same JSON reader
     * ({@code providers}): unknown members and wrong types are refused the same way.
     */
    UpdateMappingRequest applyTo(FieldMapping current, Providers providers) {
        JsonObject representation = render(MappingResponse.from(current), providers);
        JsonValue merged = JSON.createMergePatch(patch).apply(representation);
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput("body", "must leave a JSON object");
        }
        JsonObject patched = merged.asJsonObject();
        Violations readOnly = new Violations();
        for (String member : READ_ONLY) {
            if (!representation
                    .getOrDefault(member, JsonValue.NULL)
                    .equals(patched.getOrDefault(member, JsonValue.NULL))) {
                readOnly.add(
                        member,
                        "is read-only (the service sets it) and a patch cannot change it;"
                                + " leave it out of the patch"
                                + ("status".equals(member) ? " (DELETE retires a mapping)" : ""));
            }
        }
        readOnly.throwIfAny();
        return read(patched, providers);
    }

    private static JsonObject render(MappingResponse response, Providers providers) {
        MessageBodyWriter<MappingResponse> writer =
                providers.getMessageBodyWriter(
                        MappingResponse.class,
                        MappingResponse.class,
                        NONE,
                        MediaType.APPLICATION_JSON_TYPE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeTo(
                    response,
                    MappingResponse.class,
                    MappingResponse.class,
                    NONE,
                    MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(),
                    out);
        } catch (IOException e) {
            throw new IllegalStateException("the mapping's representation cannot be rendered", e);
        }
        try (JsonReader reader =
                JSON.createReader(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /**
     * Reads the patched document as a PUT body; a failure is the caller's (a 400 naming what is
     * wrong).
     */
    private static UpdateMappingRequest read(JsonObject patched, Providers providers) {
        MessageBodyReader<UpdateMappingRequest> reader =
                providers.getMessageBodyReader(
                        UpdateMappingRequest.class,
                        UpdateMappingRequest.class,
                        NONE,
                        MediaType.APPLICATION_JSON_TYPE);
        byte[] json = patched.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return reader.readFrom(
                    UpdateMappingRequest.class,
                    UpdateMappingRequest.class,
                    NONE,
                    MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(),
                    new ByteArrayInputStream(json));
        } catch (IOException unreadable) {
            throw new InvalidInput("body", "the patched mapping cannot be read as a mapping");
        }
    }
}
