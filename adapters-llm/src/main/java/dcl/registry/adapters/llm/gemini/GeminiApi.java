package dcl.registry.adapters.llm.gemini;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Gemini's {@code generateContent} (REST, v1beta) as a MicroProfile Rest Client; bodies stay JSON
 * text.
 */
@Path("/v1beta/models")
public interface GeminiApi {
    @POST
    @Path("/{model}:generateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String generateContent(
            @PathParam("model") String model,
            @HeaderParam("x-goog-api-key") String apiKey,
            String body);
}
