package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The published contract, as client generators and API tools read it: {@code /openapi} passes
 * Redocly's recommended rules without an error, and every operation has an operationId and
 * documents its problems. Linting runs on the Node.js and npm the build fetched, so nothing but a
 * JDK is needed. The document and the linter's report are left in target/openapi.
 */
class OpenApiLintIT extends DeployedRegistry {
    /** Pinned: a new release's rules must not change the build's verdict unannounced. */
    private static final String REDOCLY = "@redocly/cli@2.77.0";

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Path OUT = Path.of("target", "openapi");

    /** Node.js and npm as the build fetched them (server-config's pom: download-maven-plugin). */
    private static final Path NODE = Path.of(System.getProperty("dcl.it.node"));

    private static final Path NPX = Path.of(System.getProperty("dcl.it.npx"));

    @Test
    void givenThePublishedContract_whenLintedWithRedoclysRecommendedRules_thenThereIsNoError()
            throws IOException, InterruptedException {
        Api.Reply yaml = Api.anonymous().get("/openapi");
        assertEquals(200, yaml.status(), yaml.toString());
        Path document = Files.createDirectories(OUT).resolve("openapi.yaml");
        Files.writeString(document, yaml.body());
        Process lint =
                new ProcessBuilder(
                                executable(NODE).toString(),
                                NPX.toString(),
                                "--yes",
                                REDOCLY,
                                "lint",
                                "--extends=recommended",
                                document.toString())
                        .redirectErrorStream(true)
                        .start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly did not finish: " + report);
        Files.writeString(OUT.resolve("redocly-lint.txt"), report);
        assertEquals(0, lint.exitValue(), "Redocly found errors in /openapi:\n" + report);
    }

    @Test
    void givenThePublishedContract_whenRead_thenEveryOperationHasAnIdAndDocumentsItsProblems() {
        Api.Reply reply = Api.anonymous().get("/openapi?format=JSON");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject openApi = reply.json();
        List<String> operations = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var item : openApi.getJsonObject("paths").entrySet()) {
            for (var operation : item.getValue().asJsonObject().entrySet()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    String where =
                            operation.getKey().toUpperCase(Locale.ROOT) + " " + item.getKey();
                    operations.add(where);
                    gaps.addAll(gaps(openApi, where, operation.getValue().asJsonObject(), ids));
                }
            }
        }
        assertTrue(operations.size() >= 34, "too few operations: " + operations);
        assertEquals(List.of(), gaps);
    }

    /** What an operation lacks: a unique operationId, a 4xx, problem+json on every 4xx. */
    private static List<String> gaps(
            JsonObject openApi, String where, JsonObject operation, Set<String> ids) {
        List<String> gaps = new ArrayList<>();
        String id = operation.getString("operationId", "");
        if (id.isBlank()) {
            gaps.add(where + ": no operationId");
        } else if (!ids.add(id)) {
            gaps.add(where + ": operationId " + id + " is used twice");
        }
        JsonObject responses = operation.getJsonObject("responses");
        List<String> clientErrors =
                responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
        if (clientErrors.isEmpty()) {
            gaps.add(where + ": no 4xx response");
        }
        for (String code : clientErrors) {
            JsonObject content =
                    resolve(openApi, responses.getJsonObject(code)).getJsonObject("content");
            if (content == null || !content.containsKey("application/problem+json")) {
                gaps.add(where + ": " + code + " is not application/problem+json");
            }
        }
        return gaps;
    }

    /** The response itself, or the component it refers to. */
    private static JsonObject resolve(JsonObject openApi, JsonObject response) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").replace("#/components/responses/", "");
        JsonValue component =
                openApi.getJsonObject("components").getJsonObject("responses").get(name);
        return component == null ? JsonValue.EMPTY_JSON_OBJECT : component.asJsonObject();
    }

    /** The fetched binary, made executable (archives do not always keep the mode). */
    private static Path executable(Path binary) {
        assertTrue(
                Files.isRegularFile(binary),
                "Node.js was not fetched by the build (pre-integration-test): " + binary);
        assertTrue(binary.toFile().setExecutable(true), "cannot make " + binary + " executable");
        return binary;
    }
}
