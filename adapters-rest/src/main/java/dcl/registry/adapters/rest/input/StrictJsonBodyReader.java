package dcl.registry.adapters.rest.input;

import dcl.registry.domain.error.InvalidInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The one reader of the API's request bodies: every request record ({@code CreateMappingRequest},
 * {@code TransformRequest}…) is read by {@link JsonBody} and bound by {@link RecordBinding}, so the
 * same rules hold on every endpoint. Being typed to {@link Record}, it is chosen before the
 * runtime's generic JSON-B reader for records; anything else is left to JSON-B. An empty body is
 * {@code null}, which the resources answer with "body is required". Size is limited earlier, by
 * {@code BodySizeLimit}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonBodyReader implements MessageBodyReader<Record> {
    @Override
    public boolean isReadable(
            Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && isJson(mediaType);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String type = mediaType.getType();
        String subtype = mediaType.getSubtype();
        return ("application".equalsIgnoreCase(type)
                        && ("json".equalsIgnoreCase(subtype)
                                || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json")))
                || ("text".equalsIgnoreCase(type) && "json".equalsIgnoreCase(subtype));
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException cutShort) {
            throw new InvalidInput("body", "could not be read to its end");
        }
        return JsonBody.parse(bytes).map(json -> RecordBinding.bind(type, json)).orElse(null);
    }
}
