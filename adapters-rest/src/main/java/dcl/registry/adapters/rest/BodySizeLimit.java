package dcl.registry.adapters.rest;

import dcl.registry.adapters.rest.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses bodies above the configured size with 413, whether or not they declare a length. */
@Provider
@ApplicationScoped
public class BodySizeLimit implements ContainerRequestFilter {
    @Inject
    @ConfigProperty(name = "dcl.http.max-body-bytes", defaultValue = "4194304")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    private WebApplicationException tooLarge() {
        return new WebApplicationException(
                Problem.of(
                                413,
                                "body-too-large",
                                "The request body is too large",
                                "Bodies are limited to " + maxBytes + " bytes; split the request")
                        .toResponse());
    }

    private final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
