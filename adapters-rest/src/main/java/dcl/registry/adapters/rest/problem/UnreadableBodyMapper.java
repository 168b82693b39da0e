package dcl.registry.adapters.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or not JSON of the expected shape (wrong types, unknown fields). */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException error) {
    return unreadable(error).toResponse();
  }

  static Problem unreadable(Throwable error) {
    return Problem.of(400, "unreadable-body", "The request body cannot be read", describe(error));
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? error.getMessage() : root.getMessage();
    return "The body must be a JSON object of the documented shape: " + message;
  }
}
