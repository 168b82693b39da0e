package dcl.registry.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seeds' mixed workload, shared by the load test and the soak: a fresh tenant with {@value
 * #COMMON} + {@value #UNCOMMON} mappings of one table, written through the API, and one request
 * per virtual user, 10 common lookups : 3 uncommon : 1 list of 100. Each request's outcome and
 * client-side response time go to a {@link Tally}.
 */
final class SeedsMix {
    static final String BASE = System.getProperty("load.url", "http://localhost:9080");
    private static final int COMMON = 100;
    private static final int UNCOMMON = 900;
    private static final String RT = "rt";

    private final String runtimeToken;

    private SeedsMix(String runtimeToken) {
        this.runtimeToken = runtimeToken;
    }

    /** A fresh tenant per run: the run's own mappings, never another run's. */
    static SeedsMix prepare(String tenantPrefix) {
        String tenant = tenantPrefix + UUID.randomUUID().toString().substring(0, 8);
        try {
            DevToken tokens =
                    new DevToken(
                            Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
            load(tokens.mint(tenant, "load-admin", "admin"));
            return new SeedsMix(tokens.mint(tenant, "aam", "service"));
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the tenant", e);
        }
    }

    private static void load(String admin) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < COMMON + UNCOMMON; i++) {
            String body =
                    String.format(
                            Locale.ROOT,
                            "{\"connector\":\"salesforce\",\"sourceTable\":\"Opportunity\","
                                    + "\"sourceField\":\"Field_%d\",\"canonicalEntity\":\"opportunity\","
                                    + "\"canonicalField\":\"field_%d\",\"confidence\":0.9}",
                            i,
                            i);
            HttpResponse<String> reply =
                    client.send(
                            HttpRequest.newBuilder(URI.create(BASE + "/dcl/mappings"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 201) {
                throw new IllegalStateException("loading failed: " + reply.statusCode() + reply.body());
            }
        }
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE)
                .header("Authorization", "Bearer " + runtimeToken)
                .acceptHeader("application/json")
                .shareConnections();
    }

    /**
     * One request of the mix, named with {@code prefix} (so the console and the HTML report show
     * each stage apart), then its outcome recorded in {@code tally}: a failed check or a request
     * that got no answer (timeout, refused connection) is an error; the response time of every
     * answered request is recorded.
     */
    static ChainBuilder oneRequest(String prefix, Tally tally) {
        return exec(randomSwitch()
                        .on(
                                new Choice.WithWeight(
                                        10.0 / 14 * 100,
                                        exec(http(prefix + "common lookup")
                                                .get(
                                                        session ->
                                                                "/dcl/mappings/salesforce/Opportunity/Field_"
                                                                        + ThreadLocalRandom.current()
                                                                                .nextInt(COMMON))
                                                .check(
                                                        responseTimeInMillis().saveAs(RT),
                                                        status().is(200)))),
                                new Choice.WithWeight(
                                        3.0 / 14 * 100,
                                        exec(http(prefix + "uncommon lookup")
                                                .get(
                                                        session ->
                                                                "/dcl/mappings/salesforce/Opportunity/Field_"
                                                                        + (COMMON
                                                                                + ThreadLocalRandom.current()
                                                                                        .nextInt(UNCOMMON)))
                                                .check(
                                                        responseTimeInMillis().saveAs(RT),
                                                        status().is(200)))),
                                new Choice.WithWeight(
                                        1.0 / 14 * 100,
                                        exec(http(prefix + "list of 100")
                                                .get("/dcl/mappings?connector=salesforce&limit=100")
                                                .check(
                                                        responseTimeInMillis().saveAs(RT),
                                                        status().is(200))))))
                .exec(
                        session -> {
                            tally.record(
                                    session.contains(RT) ? session.getInt(RT) : -1,
                                    session.isFailed());
                            return session;
                        });
    }
}
