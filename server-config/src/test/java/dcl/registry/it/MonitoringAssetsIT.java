package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.server.MonitoringAssets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the Prometheus alerts (deploy/monitoring) select is one
 * the running server exports on /metrics, once it has seen the traffic that creates it: a lookup
 * hit and miss, a write, a dual-read mismatch and a lookup served from the legacy YAML. Names are
 * compared with the exported sample names themselves (dcl_requests_seconds_bucket, …_count, …), so
 * a suffix the series does not have is caught too.
 */
class MonitoringAssetsIT extends DeployedRegistry {
    private final String registryTenant = Api.freshTenant();
    private final String yamlTenant = Api.freshTenant();

    @Test
    void
            givenTrafficOfEveryKind_whenMetricsAreScraped_thenEveryMetricTheMonitoringUsesIsExported() {
        Map<String, List<String>> uses = MonitoringAssets.metricUses();

        driveTraffic();

        await("every metric the dashboard and alerts use is on /metrics")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertEquals(Map.of(), missing(uses, exported()), "not exported"));
    }

    private void driveTraffic() {
        Api admin = Api.as(Tokens.mint(registryTenant, "alice", "admin"));
        Api runtime = Api.as(Tokens.mint(registryTenant, "aam", "service"));
        String corpus = Jobs.corpus(registryTenant, "mappings");
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce",
                                        "Opportunity",
                                        "Amount",
                                        "opportunity",
                                        "amount_net"))
                        .status());
        Api.Reply dualRead =
                admin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"registry\",\"legacyPath\":\""
                                + corpus
                                + "\",\"dualRead\":true}");
        assertEquals(200, dualRead.status(), dualRead.toString());
        SecondNode.sleep(500); // as RolloutIT: the setting is in force for the next lookups
        // the first read misses the cache and fills it, the second hits; the legacy file says
        // "amount", so dual-read counts a mismatch
        for (int read = 0; read < 2; read++) {
            assertEquals(200, runtime.get("/dcl/mappings/salesforce/Opportunity/Amount").status());
        }
        assertEquals(404, runtime.get("/dcl/mappings/salesforce/Opportunity/Missing").status());
        // a proposal: its decision is counted (dcl_decisions_total)
        assertEquals(
                200,
                runtime.post(
                                "/dcl/intelligence/propose-mapping",
                                "{\"connector\":\"hubspot\",\"sourceTable\":\"deals\",\"sourceField\":\"amount\"}")
                        .status());

        Api yamlAdmin = Api.as(Tokens.mint(yamlTenant, "alice", "admin"));
        Api.Reply rolledBack =
                yamlAdmin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\""
                                + Jobs.corpus(yamlTenant, "mappings")
                                + "\",\"reason\":\"monitoring check\"}");
        assertEquals(200, rolledBack.status(), rolledBack.toString());
        Api.Reply fromYaml =
                Api.as(Tokens.mint(yamlTenant, "aam", "service"))
                        .get("/dcl/mappings/salesforce/Opportunity/Amount");
        assertEquals("yaml", fromYaml.header("X-DCL-Source"), fromYaml.toString());
    }

    /** Name → where it is used, for each used name that is neither exported nor skipped. */
    private static Map<String, List<String>> missing(
            Map<String, List<String>> uses, Set<String> exported) {
        Map<String, List<String>> missing = new TreeMap<>(uses);
        missing.keySet().removeAll(exported);
        return missing;
    }

    /**
     * The sample names of every scope on /metrics, as Prometheus scrapes it: {@code name{labels}
     * value} or {@code name value}; comments skipped.
     */
    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        Api.anonymous()
                .get("/metrics")
                .body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(
                        line -> {
                            int brace = line.indexOf('{');
                            int space = line.indexOf(' ');
                            int end = brace >= 0 && brace < space ? brace : space;
                            names.add(line.substring(0, end));
                        });
        return names;
    }
}
