package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rollout control: dual-read counts mismatches without changing answers; the yaml source of truth
 * serves from the legacy files (and says so), freezes writes, and reaches every node; a wrong
 * schedule stops the application from starting.
 */
class RolloutIT extends DeployedRegistry {
    private static final long ALL_NODES_LIMIT_MILLIS = 60_000;
    private final String tenant = Api.freshTenant();

    /**
     * Totals: tenant ids are no label on the unauthenticated /metrics unless an operator turns them
     * on.
     */
    private static final String MISMATCHES =
            "dcl_dual_read_mismatches_total{mp_scope=\"application\",}";

    private static final String COMPARISONS =
            "dcl_dual_read_comparisons_total{mp_scope=\"application\",}";
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));

    @Test
    void
            givenDualRead_whenTheRegistryDiffersFromYaml_thenTheAnswerIsTheRegistrysAndTheMismatchIsCounted() {
        String corpus = Jobs.corpus(tenant, "mappings");
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
        assertEquals(
                201,
                admin.post(
                                "/dcl/mappings",
                                mappingJson(
                                        "salesforce", "Opportunity", "Name", "opportunity", "name"))
                        .status());
        Api.Reply on =
                admin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"registry\",\"legacyPath\":\""
                                + corpus
                                + "\",\"dualRead\":true}");
        assertEquals(200, on.status(), on.toString());
        SecondNode.sleep(500);

        long mismatches = metric(MISMATCHES);
        long comparisons = metric(COMPARISONS);
        Api.Reply amount = runtime.get("/dcl/mappings/salesforce/Opportunity/Amount");
        assertEquals(
                "amount_net",
                amount.json().getString("canonicalField"),
                "dual-read never changes the answer");
        assertEquals("registry", amount.header("X-DCL-Source"));
        assertEquals(
                "name",
                runtime.get("/dcl/mappings/salesforce/Opportunity/Name")
                        .json()
                        .getString("canonicalField"));
        awaitMetric(COMPARISONS, comparisons + 2);
        assertEquals(mismatches + 1, metric(MISMATCHES));
    }

    @Test
    void
            givenTheYamlSourceOfTruth_whenTheRuntimeReadsAndAdminsWrite_thenYamlAnswersWritesAre409AndEveryNodeFollows() {
        String corpus = Jobs.corpus(tenant, "mappings");
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
        try (SecondNode nodeB = SecondNode.start()) {
            Api runtimeOnB = runtime.at(nodeB.base());
            assertEquals(
                    "registry",
                    runtimeOnB
                            .get("/dcl/mappings/salesforce/Opportunity/Amount")
                            .header("X-DCL-Source"));

            Api.Reply switched =
                    admin.put(
                            "/dcl/admin/rollout",
                            "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\""
                                    + corpus
                                    + "\",\"reason\":\"incident drill\"}");
            assertEquals(200, switched.status(), switched.toString());
            long switchedAt = System.nanoTime();

            Api.Reply fromYaml = runtime.get("/dcl/mappings/salesforce/Opportunity/Amount");
            assertEquals(200, fromYaml.status());
            assertEquals("yaml", fromYaml.header("X-DCL-Source"));
            assertTrue(
                    fromYaml.header("Warning").contains("legacy YAML"), fromYaml.header("Warning"));
            assertEquals(
                    "amount",
                    fromYaml.json().getString("canonicalField"),
                    "the legacy file's answer");
            assertEquals(
                    200,
                    runtime.get("/dcl/mappings/hubspot/contacts/email").status(),
                    "every legacy mapping is served");

            Api.Reply frozen =
                    admin.post(
                            "/dcl/mappings",
                            mappingJson(
                                    "salesforce", "Opportunity", "Name", "opportunity", "name"));
            assertEquals(409, frozen.status());
            assertTrue(frozen.json().getString("detail").contains("sourceOfTruth"));

            long millis;
            await("node B follows the switch to yaml")
                    .atMost(Duration.ofMillis(ALL_NODES_LIMIT_MILLIS))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () ->
                                    runtimeOnB
                                            .get("/dcl/mappings/salesforce/Opportunity/Amount")
                                            .header("X-DCL-Source"),
                            "yaml"::equals);
            millis = (System.nanoTime() - switchedAt) / 1_000_000;
            System.out.println(
                    "[rollout] node B followed the switch to yaml after " + millis + " ms");

            assertEquals(
                    200,
                    admin.put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"registry\"}").status());
            assertEquals(
                    "amount_net",
                    runtime.get("/dcl/mappings/salesforce/Opportunity/Amount")
                            .json()
                            .getString("canonicalField"));
            assertEquals(
                    201,
                    admin.post(
                                    "/dcl/mappings",
                                    mappingJson(
                                            "salesforce",
                                            "Opportunity",
                                            "Name",
                                            "opportunity",
                                            "name"))
                            .status());
        }
    }

    @Test
    void givenBadRolloutRequests_whenPut_thenProblemsNameTheFieldAndNothingChanges() {
        assertProblem(
                admin.put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"sideways\"}"),
                "sourceOfTruth");
        assertProblem(admin.put("/dcl/admin/rollout", "{}"), "sourceOfTruth");
        assertProblem(
                admin.put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"yaml\"}"), "legacyPath");
        assertProblem(
                admin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\"../../etc\"}"),
                "legacyPath");
        assertProblem(
                admin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"yaml\",\"legacyPath\":\"no-such-folder\"}"),
                "legacyPath");
        assertEquals(
                403,
                runtime.put("/dcl/admin/rollout", "{\"sourceOfTruth\":\"registry\"}").status());
        assertEquals("registry", admin.get("/dcl/admin/rollout").json().getString("sourceOfTruth"));
    }

    private static void assertProblem(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(
                field,
                reply.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                reply.toString());
    }

    @Test
    void
            givenAnInvalidScheduleExpression_whenANodeStarts_thenTheApplicationRefusesToStartAndNamesTheProperty() {
        try (SecondNode broken =
                SecondNode.startExpectingFailure(
                        Map.of("DCL_SCHEDULE_PARITY_CRON", "every night at two"))) {
            String log = broken.log();
            assertTrue(log.contains("CWWKZ0002E"), "the application did not start");
            assertTrue(log.contains("dcl.schedule.parity.cron"), "the message names the property");
            assertFalse(log.contains("CWWKZ0001I: Application dcl-registry started"));
            assertNotEquals(200, Api.anonymous().at(broken.base()).get("/health/ready").status());
        }
    }

    private static long metric(String prefix) {
        return Api.anonymous()
                .get("/metrics?scope=application")
                .body()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitMetric(String prefix, long atLeast) {
        await(prefix + " reaches " + atLeast)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> metric(prefix) >= atLeast);
    }
}
