package dcl.registry.adapters.rest.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS wraps body-reading failures in a ProcessingException, whose message carries the JSON-B
 * exception, Java class names and all: still the caller's malformed body, answered in the API's
 * words.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException error) {
        return UnreadableBodyMapper.unreadable(error).toResponse();
    }
}
