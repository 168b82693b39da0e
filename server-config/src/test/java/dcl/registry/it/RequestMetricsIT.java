package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request metrics in /metrics: every request is timed in {@code dcl_requests} by endpoint group and
 * outcome (with p50/p95/p99 and buckets), a lookup answered 404 counts in {@code
 * dcl_lookup_not_found_total}, and no tenant label appears unless an operator turns it on.
 */
class RequestMetricsIT extends DeployedRegistry {
    private static final String COUNT = "dcl_requests_seconds_count";
    private static final String NOT_FOUND = "dcl_lookup_not_found_total";
    private final String tenant = Api.freshTenant();
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @Test
    void givenLookupsAWriteAndABadRequest_whenMetricsAreRead_thenEachIsCountedInItsGroup() {
        List<Sample> before = scrape();

        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "amount"))
                        .status());
        assertEquals(200, runtime.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        assertEquals(404, runtime.get("/dcl/mappings/salesforce/Opportunity/Missing").status());
        assertEquals(
                400,
                admin.post(
                                "/dcl/mappings",
                                mappingJson("", "Opportunity", "Name", "opportunity", "name"))
                        .status());

        List<Sample> after = scrape();
        String shown = after.toString();
        for (Map<String, String> series :
                List.of(
                        Map.of("group", "write", "outcome", "success"),
                        Map.of("group", "lookup", "outcome", "success"),
                        Map.of("group", "lookup", "outcome", "client_error"),
                        Map.of("group", "write", "outcome", "client_error"))) {
            assertTrue(
                    sum(after, COUNT, series) >= sum(before, COUNT, series) + 1,
                    series + " did not grow: " + shown);
        }
        assertTrue(
                sum(after, NOT_FOUND, Map.of()) >= sum(before, NOT_FOUND, Map.of()) + 1,
                "the lookup miss is not counted: " + shown);
        for (String quantile : List.of("0.5", "0.95", "0.99")) {
            assertTrue(
                    after.stream()
                            .anyMatch(
                                    s ->
                                            s.name().equals("dcl_requests_seconds")
                                                    && s.has(
                                                            Map.of(
                                                                    "group", "lookup",
                                                                    "outcome", "success",
                                                                    "quantile", quantile))),
                    "no p" + quantile + " of lookups: " + shown);
        }
        assertTrue(
                after.stream().anyMatch(s -> s.name().equals("dcl_requests_seconds_bucket")),
                "no latency buckets: " + shown);
        assertFalse(
                after.stream()
                        .anyMatch(
                                s ->
                                        (s.name().startsWith("dcl_requests")
                                                        || s.name().equals(NOT_FOUND))
                                                && s.labels().containsKey("tenant")),
                "a tenant label without dcl.metrics.tenant-labels: " + shown);
    }

    /** One line of the Prometheus text: a name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /**
     * The application scope's dcl_ series, e.g. {@code a_count{g="x",mp_scope="application",} 3.0}.
     */
    private static List<Sample> scrape() {
        return Api.anonymous()
                .get("/metrics?scope=application")
                .body()
                .lines()
                .filter(l -> l.startsWith("dcl_"))
                .map(RequestMetricsIT::parse)
                .toList();
    }

    private static Sample parse(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        Map<String, String> labels = new HashMap<>();
        for (String pair : line.substring(open + 1, close).split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return new Sample(
                line.substring(0, open),
                labels,
                Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
