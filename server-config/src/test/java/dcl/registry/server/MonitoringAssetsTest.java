package dcl.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The monitoring files under deploy/monitoring say what the remediation plan asks (phase 3): the
 * alerts exist with their thresholds, a wait, a severity, a summary, a description and a runbook
 * section that exists; the dashboard imports with a Prometheus data source chosen at import and has
 * a panel for each question. Whether the metrics they name are exported is checked against a
 * running server by MonitoringAssetsIT.
 */
class MonitoringAssetsTest {
    /** Alert name → the comparison its expression must end with. */
    private static final Map<String, String> REQUIRED_ALERTS =
            Map.of(
                    "DclLookupLatencyP95High", "> 0.05",
                    "DclErrorRateHigh", "> 0.01",
                    "DclCacheHitRatioLow", "< 0.8",
                    "DclErrorBudgetFastBurn", "> (14.4 * 0.001)",
                    "DclErrorBudgetNearlyExhausted", "> 0.9",
                    "DclDecisionViolations", "> 0");

    private static final List<String> REQUIRED_PANELS =
            List.of(
                    "Request rate per endpoint group",
                    "Error rate per endpoint group",
                    "Latency p50 per endpoint group",
                    "Latency p95 per endpoint group",
                    "Latency p99 per endpoint group",
                    "Mapping-not-found rate",
                    "Cache hit ratio",
                    "Dual-read mismatch rate",
                    "Rollout plan percent",
                    "SLO error budget consumed",
                    "JVM heap");

    private static final String RUNBOOK_PATH = "/docs/runbooks/";
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
    private static final Pattern DURATION = Pattern.compile("\\d+[smhd]");
    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    @Test
    void givenTheAlertFile_whenParsed_thenEachRequiredAlertHasItsThresholdWaitSeverityAndRunbook()
            throws IOException {
        Map<String, Map<?, ?>> rules =
                MonitoringAssets.alertRules().stream()
                        .collect(Collectors.toMap(r -> (String) r.get("alert"), r -> r));
        assertEquals(REQUIRED_ALERTS.keySet(), rules.keySet());

        for (var required : REQUIRED_ALERTS.entrySet()) {
            String alert = required.getKey();
            Map<?, ?> rule = rules.get(alert);
            String expr = ((String) rule.get("expr")).strip();
            assertTrue(expr.endsWith(required.getValue()), alert + ": " + expr);
            assertTrue(
                    DURATION.matcher(String.valueOf(rule.get("for"))).matches(),
                    alert + " fires on a single evaluation: for is " + rule.get("for"));
            Map<?, ?> labels = (Map<?, ?>) rule.get("labels");
            assertTrue(
                    Set.of("warning", "critical").contains(labels.get("severity")),
                    alert + " severity " + labels.get("severity"));
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            assertFalse(String.valueOf(annotations.get("summary")).isBlank(), alert);
            assertFalse(String.valueOf(annotations.get("description")).isBlank(), alert);
            assertRunbookSectionExists(alert, (String) annotations.get("runbook_url"));
        }
        assertEquals("critical", labelOf(rules, "DclErrorRateHigh"));
        assertEquals("critical", labelOf(rules, "DclErrorBudgetFastBurn"));
        assertEquals("critical", labelOf(rules, "DclErrorBudgetNearlyExhausted"));
    }

    @Test
    void givenTheDashboard_whenParsed_thenItHasAPanelPerQuestionOnTheImportedPrometheus() {
        JsonObject dashboard = MonitoringAssets.dashboard();
        JsonObject input = dashboard.getJsonArray("__inputs").getJsonObject(0);
        assertEquals("DS_PROMETHEUS", input.getString("name"));
        assertEquals("prometheus", input.getString("pluginId"));

        Map<String, JsonObject> panels =
                dashboard.getJsonArray("panels").stream()
                        .map(JsonValue::asJsonObject)
                        .collect(Collectors.toMap(p -> p.getString("title"), p -> p));
        assertTrue(
                panels.keySet().containsAll(REQUIRED_PANELS),
                "missing panels: "
                        + REQUIRED_PANELS.stream().filter(t -> !panels.containsKey(t)).toList());
        for (JsonObject panel : panels.values()) {
            String title = panel.getString("title");
            assertEquals(DATASOURCE, panel.getJsonObject("datasource").getString("uid"), title);
            assertFalse(panel.getJsonArray("targets").isEmpty(), title + " has no query");
            for (JsonValue target : panel.getJsonArray("targets")) {
                JsonObject t = target.asJsonObject();
                assertEquals(DATASOURCE, t.getJsonObject("datasource").getString("uid"), title);
                assertFalse(
                        MonitoringAssets.metricNames(t.getString("expr")).isEmpty(),
                        title + " selects no series: " + t.getString("expr"));
            }
        }
        for (var latency :
                Map.of(
                                "Latency p50 per endpoint group", "0.5",
                                "Latency p95 per endpoint group", "0.95",
                                "Latency p99 per endpoint group", "0.99")
                        .entrySet()) {
            String title = latency.getKey();
            String quantile = latency.getValue();
            String expr =
                    panels.get(title).getJsonArray("targets").getJsonObject(0).getString("expr");
            assertTrue(
                    expr.startsWith("histogram_quantile(" + quantile + ", sum by (group, le) (")
                            && expr.contains("dcl_requests_seconds_bucket"),
                    title + " is not computed from the buckets over all nodes: " + expr);
        }
    }

    @Test
    void givenPromQl_whenTokenized_thenOnlySeriesNamesAreReturned() {
        assertEquals(
                Set.of("dcl_requests_seconds_bucket"),
                MonitoringAssets.metricNames(
                        "histogram_quantile(0.95, sum by (group, le)"
                                + " (rate(dcl_requests_seconds_bucket{group=~\"$group\",le!=\"a}b\"}"
                                + "[$__rate_interval])))"));
        assertEquals(
                Set.of("a_total", "b_total", "up"),
                MonitoringAssets.metricNames(
                        "sum without (instance) (rate(a_total[5m] offset 1h)) / on (job)"
                                + " group_left (version) b_total > bool 1e-3 and up unless"
                                + " count(up)"));
        assertEquals(
                Set.of("memory_usedHeap_bytes"),
                MonitoringAssets.metricNames("max by (slo) (memory_usedHeap_bytes) > 0.9"));
    }

    private static String labelOf(Map<String, Map<?, ?>> rules, String alert) {
        return (String) ((Map<?, ?>) rules.get(alert).get("labels")).get("severity");
    }

    /** The URL ends in docs/runbooks/FILE#ANCHOR; FILE exists and has the heading of ANCHOR. */
    private static void assertRunbookSectionExists(String alert, String url) throws IOException {
        assertTrue(url != null && url.contains(RUNBOOK_PATH), alert + " runbook_url " + url);
        String fileAndAnchor = url.substring(url.indexOf(RUNBOOK_PATH) + RUNBOOK_PATH.length());
        int hash = fileAndAnchor.indexOf('#');
        assertTrue(hash > 0, alert + ": runbook_url names no section: " + url);
        Path runbook = MonitoringAssets.RUNBOOKS.resolve(fileAndAnchor.substring(0, hash));
        assertTrue(Files.isRegularFile(runbook), alert + ": no runbook " + runbook);
        String anchor = fileAndAnchor.substring(hash + 1);
        Matcher heading = HEADING.matcher(Files.readString(runbook));
        boolean found = false;
        while (heading.find() && !found) {
            found = anchor.equals(slug(heading.group(1)));
        }
        assertTrue(found, alert + ": " + runbook + " has no heading for #" + anchor);
    }

    /** The anchor a Markdown renderer (GitHub, GitLab) gives a heading. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .strip()
                .replaceAll("\\s", "-");
    }
}
