package dcl.registry.adapters.rest.problem;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * HTTP errors raised by JAX-RS itself (unknown path, wrong method, media type, auth) as problems.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException error) {
        Response original = error.getResponse();
        Response.StatusType status = original.getStatusInfo();
        if (status.getFamily() == Response.Status.Family.REDIRECTION || isProblem(original)) {
            return original;
        }
        Problem problem = Problem.http(status, detail(error, status));
        if (error instanceof NotAllowedException) {
            problem.header(HttpHeaders.ALLOW, String.join(", ", original.getAllowedMethods()));
        }
        if (error instanceof NotAuthorizedException) {
            problem.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return problem.toResponse();
    }

    private static boolean isProblem(Response response) {
        return response.hasEntity()
                && response.getMediaType() != null
                && Problem.MEDIA_TYPE.equals(response.getMediaType().toString());
    }

    private static String detail(WebApplicationException error, Response.StatusType status) {
        if (status.getStatusCode() == 401
                && error.getMessage() != null
                && error.getMessage().startsWith("The token")) {
            return error.getMessage();
        }
        return Problem.explain(status.getStatusCode());
    }
}
