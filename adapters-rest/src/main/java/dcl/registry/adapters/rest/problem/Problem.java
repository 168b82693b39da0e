package dcl.registry.adapters.rest.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document, built fluently and sent as {@code application/problem+json}. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:dcl:problem:";

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(int status, String slug, String title, String detail) {
        this.status = status;
        body.put("type", slug == null ? "about:blank" : TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail);
    }

    /** A plain HTTP error with no registry-specific meaning. */
    public static Problem http(Response.StatusType status, String detail) {
        return new Problem(status.getStatusCode(), null, status.getReasonPhrase(), detail);
    }

    /** What a plain HTTP error means for a caller of this API. */
    public static String explain(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood";
            case 401 -> "A valid bearer token is required (Authorization: Bearer <JWT>)";
            case 403 -> "Your token does not carry a role allowed to do this";
            case 404 -> "No resource at this path; see /openapi for the API";
            case 405 -> "This path does not support that method";
            case 406 -> "This resource answers application/json only";
            case 413 -> "The request body is too large";
            case 415 ->
                    "Send the body in the media type this operation accepts: application/json,"
                            + " or application/merge-patch+json for PATCH (see /openapi)";
            default -> "The request failed";
        };
    }

    public Problem with(String key, Object value) {
        body.put(key, value);
        return this;
    }

    public Problem errors(List<Map<String, String>> errors) {
        return with("errors", errors);
    }

    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The document as it will be sent (for tests). */
    Map<String, Object> body() {
        return java.util.Collections.unmodifiableMap(body);
    }

    public Response toResponse() {
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
