package dcl.registry.bench.constant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bytes of a real lookup's body, without any work: {@code GET /bench-constant/constant} for
 * anyone, {@code GET /bench-constant/authenticated} for a token with the runtime's role.
 */
@Path("/")
public class ConstantResource {
    private static final byte[] BODY = read();

    @GET
    @Path("constant")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] constant() {
        return BODY;
    }

    @GET
    @Path("authenticated")
    @RolesAllowed("service")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] authenticated() {
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
