package dcl.registry.bench.constant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /bench-constant/constant}: the bytes of a real lookup's body, without any work. */
@Path("/constant")
public class ConstantResource {
    private static final byte[] BODY = read();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] constant() {
        return BODY;
    }

    private static byte[] read() {
        try (InputStream in = ConstantResource.class.getResourceAsStream("/constant.json")) {
            if (in == null) {
                throw new IllegalStateException("constant.json is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
