package dcl.registry.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seeds' mixed scenario (10 common lookups : 3 uncommon : 1 list of 100) at offered rates of
 * 100, 1,000 and 5,000 requests per second (open model: arrivals do not wait for answers), one
 * stage after the other, against the running service. Each stage's requests carry its rate in
 * their name, so Gatling's console and HTML report show p50/p95/p99, throughput and errors per
 * stage. Properties: {@code load.url}, {@code load.seconds} (30 per stage), {@code load.rates}
 * (100,1000,5000), {@code bench.key}.
 */
public class LookupLoadSimulation extends Simulation {
    private static final String BASE = System.getProperty("load.url", "http://localhost:9080");
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
    private static final String[] RATES = System.getProperty("load.rates", "100,1000,5000").split(",");
    private static final int COMMON = 100;
    private static final int UNCOMMON = 900;
    /** A fresh tenant per run: the run's own mappings, never another run's. */
    private static final String TENANT = "load-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final String RUNTIME_TOKEN;

    static {
        try {
            DevToken tokens =
                    new DevToken(
                            Path.of(System.getProperty("bench.key", "../bin/dev-keys/private.pem")));
            RUNTIME_TOKEN = tokens.mint(TENANT, "aam", "service");
            load(tokens.mint(TENANT, "load-admin", "admin"));
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the tenant", e);
        }
    }

    /** The tenant's mappings: COMMON + UNCOMMON fields of one table, written through the API. */
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

    private final HttpProtocolBuilder protocol =
            http.baseUrl(BASE)
                    .header("Authorization", "Bearer " + RUNTIME_TOKEN)
                    .acceptHeader("application/json")
                    .shareConnections();

    private static ScenarioBuilder stage(String rate) {
        String name = rate + " rps: ";
        return scenario("seeds' mix at " + rate + " rps")
                .exec(
                        randomSwitch()
                                .on(
                                        new Choice.WithWeight(
                                                10.0 / 14 * 100,
                                                exec(http(name + "common lookup")
                                                        .get(
                                                                session ->
                                                                        "/dcl/mappings/salesforce/Opportunity/Field_"
                                                                                + ThreadLocalRandom.current()
                                                                                        .nextInt(COMMON))
                                                        .check(status().is(200)))),
                                        new Choice.WithWeight(
                                                3.0 / 14 * 100,
                                                exec(http(name + "uncommon lookup")
                                                        .get(
                                                                session ->
                                                                        "/dcl/mappings/salesforce/Opportunity/Field_"
                                                                                + (COMMON
                                                                                        + ThreadLocalRandom
                                                                                                .current()
                                                                                                .nextInt(
                                                                                                        UNCOMMON)))
                                                        .check(status().is(200)))),
                                        new Choice.WithWeight(
                                                1.0 / 14 * 100,
                                                exec(http(name + "list of 100")
                                                        .get(
                                                                "/dcl/mappings?connector=salesforce&limit=100")
                                                        .check(status().is(200))))));
    }

    {
        PopulationBuilder chain = null;
        for (String rate : RATES) {
            PopulationBuilder next =
                    stage(rate.strip())
                            .injectOpen(
                                    constantUsersPerSec(Integer.parseInt(rate.strip()))
                                            .during(SECONDS));
            chain = chain == null ? next : chain.andThen(next);
        }
        // no assertions: the highest stage is meant to find where the machine tops out
        setUp(chain).protocols(protocol);
    }
}
