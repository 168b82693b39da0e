package dcl.registry.adapters.rest.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into {@code /openapi} what every operation shares, once instead of on each resource
 * method: every error answer is an RFC 9457 problem (the exception mappers of this package), and
 * every operation needs a bearer token (401) carrying an allowed role (403). Resource methods
 * document their own error cases with a status and a description only.
 */
public class ProblemResponsesFilter implements OASFilter {
    static final String SCHEMA = "Problem";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        components.addResponse(UNAUTHORIZED, problem(Problem.explain(401)));
        components.addResponse(FORBIDDEN, problem(Problem.explain(403)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().getPathItems().values().stream()
                    .flatMap(item -> item.getOperations().values().stream())
                    .forEach(ProblemResponsesFilter::documentProblems);
        }
    }

    private static void documentProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.responses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().entrySet().stream()
                .filter(ProblemResponsesFilter::isUntypedError)
                .forEach(error -> error.getValue().content(problemContent()));
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse().ref(UNAUTHORIZED));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(FORBIDDEN));
        }
    }

    private static boolean isUntypedError(Map.Entry<String, APIResponse> response) {
        return (response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                && response.getValue().getRef() == null
                && response.getValue().getContent() == null;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema fieldError =
                OASFactory.createSchema()
                        .type(Schema.SchemaType.OBJECT)
                        .addProperty("field", text("The field or parameter at fault"))
                        .addProperty("message", text("What is wrong with it"));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; some problems add members of their own")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addRequired("detail")
                .addProperty("type", text("urn:dcl:problem:<slug>, or about:blank"))
                .addProperty("title", text("The kind of problem, for people"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .description("The HTTP status code"))
                .addProperty("detail", text("This occurrence, for people"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .description("Validation problems: every invalid field")
                                .items(fieldError));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
