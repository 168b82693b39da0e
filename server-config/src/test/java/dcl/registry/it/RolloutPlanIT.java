package dcl.registry.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.rollout.RolloutStage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The progressive rollout on two nodes sharing one PostgreSQL and one error budget: an operator
 * advances the plan (10 % → 25 %, sticky), the database is stopped under load so that lookups fail
 * on both nodes, the budget halts the plan (409, event), more failures roll it back to 10 % by
 * itself on both nodes, and once the failures leave the window it may advance again. The IT servers
 * run with a 30 s window, a 95 % availability target and a guard round every second (pom).
 */
class RolloutPlanIT extends DeployedRegistry {
    /** The seed's limit for a rollback to be in force on every node. */
    private static final long ALL_NODES_LIMIT_MILLIS = 60_000;

    private static final String AMOUNT = "/dcl/mappings/salesforce/Opportunity/Amount";
    private static final String PLAN = "/dcl/admin/rollout/plan";
    private static final java.nio.file.Path BIN =
            java.nio.file.Path.of(System.getProperty("dcl.dev.keys", "../bin/dev-keys"))
                    .getParent();
    private static SecondNode nodeB;
    private static HttpServer hook;
    private static final List<String> events = new CopyOnWriteArrayList<>();

    private final String ops = Api.freshTenant();
    private final Api operator = Api.as(Tokens.mint(ops, "olga", "operator"));
    private final Api opsAdmin = Api.as(Tokens.mint(ops, "oscar", "admin"));

    /**
     * In the first 10 % of the line, and between 10 % and 25 %: the stage moves only the second.
     */
    private final String early = tenantAt(position -> position < 10);

    private final String mid = tenantAt(position -> position >= 10 && position < 25);
    private final List<String> timeline = new ArrayList<>();
    private final long began = System.nanoTime();

    @BeforeAll
    static void startSecondNodeAndWebhookReceiver() throws IOException {
        nodeB = SecondNode.start();
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext(
                "/hook",
                exchange -> {
                    events.add(
                            exchange.getRequestHeaders().getFirst("X-DCL-Event")
                                    + " "
                                    + new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        hook.start();
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    @Test
    void
            givenOneTenantMissingTheCacheAlone_whenJudged_thenThePlanNeitherHaltsNorRollsBackAndOnlyThatTenantIsToldItsName() {
        // neither moved by the stages below: a stage is judged on the reads of the tenants it moved
        String noisy = tenantAt(position -> position >= 25);
        String quiet = tenantAt(position -> position >= 25);
        Api noisyRuntime = Api.as(Tokens.mint(noisy, "aam", "service"));
        Api quietRuntime = Api.as(Tokens.mint(quiet, "aam", "service"));
        try {
            awaitBudgetClean();
            assertEquals(
                    201,
                    Api.as(Tokens.mint(quiet, "alice", "admin"))
                            .post(
                                    "/dcl/mappings",
                                    mappingJson(
                                            "salesforce",
                                            "Opportunity",
                                            "Amount",
                                            "opportunity",
                                            "amount"))
                            .status());
            assertEquals(200, setPlan(10, "first stage").status());
            // the rest of the fleet: enough reads to be judged (min-reads 20), nearly all cached
            for (int i = 0; i < 40; i++) {
                assertEquals(200, quietRuntime.get(AMOUNT).status());
            }
            for (int i = 0; i < 200; i++) {
                Api.Reply reply =
                        noisyRuntime.get("/dcl/mappings/salesforce/Opportunity/Unmapped_" + i);
                assertEquals(404, reply.status(), reply.toString());
            }
            JsonObject slo =
                    await("one tenant's misses are in the shared budget")
                            .atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(500))
                            .until(
                                    () -> operator.get("/dcl/admin/slo").json(),
                                    r -> !r.getJsonArray("setAside").isEmpty());
            mark("fleet figures with one tenant's misses: " + slo);
            JsonObject cacheHit =
                    slo.getJsonArray("slos").stream()
                            .map(JsonValue::asJsonObject)
                            .filter(o -> o.getString("name").equals("cache-hit"))
                            .findFirst()
                            .orElseThrow();
            assertTrue(
                    cacheHit.getJsonNumber("budgetConsumed").doubleValue() > 0.9,
                    "the fleet's figures are shown as they are: " + cacheHit);
            assertFalse(slo.getBoolean("shouldHaltRollout"), slo.toString());
            assertFalse(slo.getBoolean("shouldRollback"), slo.toString());
            String toOperators = slo.getJsonArray("setAside").getString(0);
            assertTrue(toOperators.contains("one tenant's own traffic"), toOperators);
            assertFalse(toOperators.contains(noisy), "another tenant is not named");
            String toNoisy =
                    Api.as(Tokens.mint(noisy, "nora", "admin"))
                            .get("/dcl/admin/slo")
                            .json()
                            .getJsonArray("setAside")
                            .getString(0);
            assertTrue(toNoisy.contains("tenant " + noisy + "'s own traffic"), toNoisy);

            assertEquals(10, operator.get(PLAN).json().getInt("percent"), "not rolled back");
            Api.Reply advanced = setPlan(25, "one tenant's misses do not hold the fleet");
            assertEquals(200, advanced.status(), advanced.toString());
        } finally {
            setPlan(0, "test over");
            timeline.forEach(System.out::println);
        }
    }

    @Test
    void
            givenAPlanAt25Percent_whenTheDatabaseFailsUnderLoad_thenItHaltsThenRollsBackOnBothNodesThenRecovers() {
        Api earlyRuntime = Api.as(Tokens.mint(early, "aam", "service"));
        Api midRuntime = Api.as(Tokens.mint(mid, "aam", "service"));
        try {
            registerWebhook(opsAdmin);
            enrol(early);
            enrol(mid);
            awaitBudgetClean();

            assertEquals(200, setPlan(10, "first stage").status());
            awaitServedBy(earlyRuntime, "registry", "early tenant at 10 %");
            awaitServedBy(midRuntime, "yaml", "mid tenant at 10 %");
            assertEquals(200, setPlan(25, "second stage").status());
            awaitServedBy(midRuntime, "registry", "mid tenant at 25 %");
            assertServedByOnBoth(earlyRuntime, "registry", "sticky: 25 % keeps the first 10 %");
            assertPlanListing();

            // the database's failure is the fleet's: both tenants' reads see it
            int good = lookUpOnBothNodes(400, earlyRuntime, midRuntime);
            int failed = failLookupsWhileTheDatabaseIsDown(14, "a", earlyRuntime, midRuntime);
            mark("first burn: " + good + " good lookups, " + failed + " failed (503) on A and B");
            int burned = good + failed;
            int failedFirst = failed;
            JsonObject availability =
                    await("both nodes' failures are in the shared budget")
                            .atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(500))
                            .ignoreExceptions() // 503 until the database is back
                            .until(
                                    () -> availability(operator.get("/dcl/admin/slo").json()),
                                    // both counts: under load one node's good reads can reach
                                    // the budget before the other node's failures do
                                    a ->
                                            a.getJsonNumber("events").longValue() >= burned
                                                    && failures(a) >= failedFirst);
            mark("budget then: " + availability);
            assertEquals(
                    failed,
                    failures(availability),
                    "every failed read of both nodes is in the one budget: " + availability);
            double consumed = availability.getJsonNumber("budgetConsumed").doubleValue();
            assertTrue(consumed > 0.5 && consumed < 0.9, "halt, not yet rollback: " + consumed);
            JsonObject halted = awaitPlan(p -> !p.getJsonObject("stage").isNull("haltedAt"));
            mark("guard marked the stage halted at " + halted.getJsonObject("stage"));
            JsonObject slo = operator.get("/dcl/admin/slo").json();
            assertTrue(slo.getBoolean("shouldHaltRollout"), slo.toString());
            assertTrue(slo.getString("haltReason").startsWith("availability"), slo.toString());

            Api.Reply refused = setPlan(50, "third stage");
            assertEquals(409, refused.status(), refused.toString());
            assertEquals("urn:dcl:problem:rollout-halted", refused.json().getString("type"));
            assertEquals("availability", refused.json().getString("slo"));
            mark("PUT 50 % refused: " + refused.json().getString("detail"));
            awaitEvent("rollout.halted");

            failed += failLookupsWhileTheDatabaseIsDown(12, "b", earlyRuntime, midRuntime);
            mark("second burn: " + failed + " failed lookups in all");
            JsonObject rolledBack =
                    awaitPlan(
                            p ->
                                    p.getInt("percent") == 10
                                            && "rollback"
                                                    .equals(
                                                            p.getJsonObject("stage")
                                                                    .getString("change")));
            long decided = System.nanoTime();
            JsonObject stage = rolledBack.getJsonObject("stage");
            mark("guard rolled back: " + stage);
            assertEquals("dcl-rollout-guard", stage.getString("decidedBy"));
            assertTrue(
                    stage.getString("reason").startsWith("availability error budget"),
                    stage.toString());
            for (Api node : nodes(midRuntime)) {
                awaitServedByNode(node, "yaml", "mid tenant back on YAML");
                mark(
                        "node "
                                + node.base()
                                + " serves the mid tenant from YAML "
                                + (System.nanoTime() - decided) / 1_000_000
                                + " ms after the decision");
            }
            assertTrue(
                    (System.nanoTime() - decided) / 1_000_000 < ALL_NODES_LIMIT_MILLIS,
                    "every node within 60 s");
            assertServedByOnBoth(earlyRuntime, "registry", "the previous stage's tenants stay");
            awaitEvent("rollout.rolled-back");
            assertTrue(
                    TestDatabase.texts(
                                    "SELECT actor FROM audit_trail WHERE tenant_id = ? AND"
                                            + " subject_id = 'rollout-plan' ORDER BY seq",
                                    ops)
                            .contains("dcl-rollout-guard"),
                    "the guard's acts are audited in the plan owner's trail");

            await("the failures leave the 30 s window and the budget recovers")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> availability(operator.get("/dcl/admin/slo").json()),
                            a -> a.getJsonNumber("budgetConsumed").doubleValue() < 0.5);
            mark("budget recovered: " + availability(operator.get("/dcl/admin/slo").json()));
            assertEquals(200, setPlan(25, "after recovery").status());
            mark("advanced to 25 % again");
        } finally {
            if (!TestDatabase.running()) {
                TestDatabase.start();
            }
            setPlan(0, "test over");
            timeline.forEach(System.out::println);
        }
    }

    @Test
    void
            givenTenantsOnTheRegistryAndAWriter_whenBinRollbackRuns_thenBothNodesServeYamlWithinAMinuteAndNoAcknowledgedWriteIsLost()
                    throws Exception {
        String runtimeToken = Tokens.mint(early, "aam", "service");
        Api earlyRuntime = Api.as(runtimeToken);
        Api earlyAdmin = Api.as(Tokens.mint(early, "alice", "admin"));
        enrol(early);
        enrol(mid);
        awaitBudgetClean();
        assertEquals(200, setPlan(100, "everyone on the registry").status());
        awaitServedBy(earlyRuntime, "registry", "early tenant at 100 %");
        awaitServedBy(Api.as(Tokens.mint(mid, "aam", "service")), "registry", "mid at 100 %");

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer =
                new Thread(
                        () -> {
                            for (int i = 0; writing.get(); i++) {
                                String field = "Written_" + i;
                                Api.Reply reply =
                                        nodes(earlyAdmin)
                                                .get(i % 2)
                                                .post(
                                                        "/dcl/mappings",
                                                        mappingJson(
                                                                "salesforce",
                                                                "Opportunity",
                                                                field,
                                                                "opportunity",
                                                                "written"));
                                if (reply.status() == 201) {
                                    acknowledged.add(field);
                                } else {
                                    refused.add(reply.status() + " " + reply.body());
                                }
                            }
                        },
                        "writer during rollback");
        writer.start();
        SecondNode.sleep(500);
        long started = System.nanoTime();
        Process rollback =
                rollback(
                        "--reason",
                        "RolloutPlanIT drill",
                        "--lookup",
                        AMOUNT,
                        "--runtime-token",
                        runtimeToken);
        String printed =
                new String(rollback.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = rollback.waitFor();
        long millis = (System.nanoTime() - started) / 1_000_000;
        writing.set(false);
        writer.join();
        System.out.println("[bin/rollback] " + millis + " ms, exit " + exit + "\n" + printed);

        assertEquals(0, exit, printed);
        assertTrue(millis < ALL_NODES_LIMIT_MILLIS, "under a minute: " + millis + " ms");
        assertEquals(2, printed.lines().filter(l -> l.startsWith("OK")).count(), printed);
        assertServedByOnBoth(earlyRuntime, "yaml", "the runtime reads YAML on both nodes");
        assertTrue(
                refused.stream().allMatch(r -> r.startsWith("409 ") && r.contains("writes-frozen")),
                "a write is either stored or refused as frozen, never failed: " + refused);
        assertTrue(
                TestDatabase.texts(
                                "SELECT source_field FROM field_mappings WHERE tenant_id = ?",
                                early)
                        .containsAll(acknowledged),
                "every acknowledged write is stored: " + acknowledged.size() + " acknowledged");
        for (Api node : nodes(earlyAdmin)) {
            assertEquals(
                    409,
                    node.post(
                                    "/dcl/mappings",
                                    mappingJson(
                                            "salesforce",
                                            "Opportunity",
                                            "After",
                                            "opportunity",
                                            "x"))
                            .status(),
                    "after the rollback the registry refuses what the runtime would not read");
        }

        Process again = rollback();
        String printedAgain =
                new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, again.waitFor(), "idempotent: " + printedAgain);
        assertEquals(0, operator.get(PLAN).json().getInt("percent"));
    }

    @Test
    void
            givenTwoTenantsFollowingThePlanWithDualRead_whenOnesRegistryAnswersOtherwiseThanItsYaml_thenItAloneIsHeldOnItsYamlAndThePlanStays() {
        Api earlyRuntime = Api.as(Tokens.mint(early, "aam", "service"));
        Api earlyAdmin = Api.as(Tokens.mint(early, "alice", "admin"));
        try {
            registerWebhook(opsAdmin);
            registerWebhook(earlyAdmin);
            enrol(early, true);
            enrol(mid, true);
            awaitBudgetClean();
            assertEquals(200, setPlan(100, "everyone on the registry, compared").status());
            // placed, as the plan lists it: no lookup yet, so nothing compared yet
            Map<String, String> placed = servedByInPlan();
            assertEquals("registry", placed.get(early), placed.toString());
            assertEquals("registry", placed.get(mid), placed.toString());

            Api.Reply answered = earlyRuntime.get(AMOUNT);
            assertEquals(200, answered.status(), answered.toString());
            assertEquals("amount_registry", answered.json().getString("canonicalField"));
            assertEquals("registry", answered.header("X-DCL-Source"));
            mark("early's registry answered amount_registry where its YAML says amount");

            JsonObject held =
                    await("the guard holds the tenant whose answer differed")
                            .atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(250))
                            .until(
                                    () -> earlyAdmin.get("/dcl/admin/rollout").json(),
                                    r -> "yaml".equals(r.getString("sourceOfTruth")));
            mark("early held: " + held);
            assertEquals("dcl-rollout-guard", held.getString("updatedBy"));
            assertTrue(held.getBoolean("dualRead"), "its folder and dual-read kept: " + held);
            awaitServedBy(earlyRuntime, "yaml", "the held tenant's YAML answers on both nodes");

            JsonObject plan = operator.get(PLAN + "?limit=1000").json();
            assertEquals(100, plan.getInt("percent"), "the plan stays: " + plan);
            assertEquals("advance", plan.getJsonObject("stage").getString("change"));
            Map<String, String> after = servedByInPlan();
            assertEquals("registry", after.get(mid), "the other tenant stays: " + after);
            assertFalse(after.containsKey(early), "the held tenant left the plan: " + after);
            assertFalse(operator.get("/dcl/admin/slo").json().getBoolean("shouldRollback"));
            assertTrue(
                    TestDatabase.texts(
                                    "SELECT actor FROM audit_trail WHERE tenant_id = ? AND"
                                            + " subject_id = 'rollout' ORDER BY seq",
                                    early)
                            .contains("dcl-rollout-guard"),
                    "the hold is audited in the held tenant's trail");
            await("the held tenant's and the operator's webhooks hear of it")
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    events.stream()
                                            .filter(e -> e.startsWith("rollout.tenant-held "))
                                            .filter(e -> e.contains("\"tenant\":\"" + early + "\""))
                                            .count(),
                            n -> n == 2);
            assertTrue(
                    events.stream()
                            .filter(e -> e.startsWith("rollout.tenant-held "))
                            .noneMatch(e -> e.contains(mid)),
                    "nothing is said of the other tenant");
            assertEquals(
                    409,
                    earlyAdmin
                            .post(
                                    "/dcl/mappings",
                                    mappingJson(
                                            "salesforce",
                                            "Opportunity",
                                            "Held",
                                            "opportunity",
                                            "x"))
                            .status(),
                    "while its YAML answers, its registry takes no writes the runtime would not"
                            + " read");
        } finally {
            setPlan(0, "test over");
            timeline.forEach(System.out::println);
        }
    }

    /** Each plan-following tenant's source, as the operator's plan listing shows it. */
    private Map<String, String> servedByInPlan() {
        Map<String, String> servedBy = new java.util.HashMap<>();
        operator.get(PLAN + "?limit=1000")
                .json()
                .getJsonObject("tenants")
                .getJsonArray("items")
                .forEach(
                        t ->
                                servedBy.put(
                                        t.asJsonObject().getString("tenant"),
                                        t.asJsonObject().getString("servedBy")));
        return servedBy;
    }

    /** {@code bin/rollback} against both nodes as the operator, with {@code more} options. */
    private Process rollback(String... more) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                BIN.resolve("rollback").toString(),
                                "--nodes",
                                Api.BASE + "," + nodeB.base(),
                                "--token",
                                Tokens.mint(ops, "olga", "operator")));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void
            givenAnAdminOrAViewer_whenTheyUseThePlan_thenOnlyOperatorsChangeItAndAdminsSeeOnlyTheirTenant() {
        enrol(early);
        Api earlyAdmin = Api.as(Tokens.mint(early, "alice", "admin"));
        assertEquals(403, earlyAdmin.put(PLAN, "{\"percent\":100}").status());
        assertEquals(403, Api.as(Tokens.mint(early, "v", "viewer")).get(PLAN).status());
        JsonObject seen = earlyAdmin.get(PLAN).json();
        assertEquals(
                1, seen.getJsonObject("tenants").getJsonArray("items").size(), seen.toString());
        assertEquals(
                early,
                seen.getJsonObject("tenants")
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("tenant"));
        assertEquals(400, operator.put(PLAN, "{\"percent\":101}").status());
        assertEquals(400, operator.put(PLAN, "{\"percent\":2.5}").status());
        Api.Reply missing = operator.put(PLAN, "{}");
        assertEquals(400, missing.status());
        assertTrue(missing.body().contains("percent"), missing.body());
    }

    private void registerWebhook(Api admin) {
        assertEquals(
                201,
                admin.put(
                                "/dcl/admin/webhooks/rollout",
                                "{\"url\":\"http://127.0.0.1:"
                                        + hook.getAddress().getPort()
                                        + "/hook\",\"secret\":\"rollout-webhook-secret\"}")
                        .status());
    }

    private static void enrol(String tenant) {
        enrol(tenant, false);
    }

    /**
     * The tenant's own mapping in the registry (Amount → amount_registry, where its YAML says
     * amount), then it follows the plan, its answers compared with its YAML's when {@code
     * dualRead}.
     */
    private static void enrol(String tenant, boolean dualRead) {
        Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce",
                                "Opportunity",
                                "Amount",
                                "opportunity",
                                "amount_registry"));
        assertTrue(created.status() == 201 || created.status() == 409, created.toString());
        Api.Reply enrolled =
                admin.put(
                        "/dcl/admin/rollout",
                        "{\"sourceOfTruth\":\"plan\",\"legacyPath\":\""
                                + Jobs.corpus(tenant, "mappings")
                                + "\",\"dualRead\":"
                                + dualRead
                                + "}");
        assertEquals(200, enrolled.status(), enrolled.toString());
        assertEquals("plan", enrolled.json().getString("sourceOfTruth"));
    }

    /**
     * Until earlier tests' traffic has left the SLO window: nothing halts or is set aside, and few
     * enough reads remain that a test's own figures are its own.
     */
    private void awaitBudgetClean() {
        await("earlier tests' traffic leaves the SLO window")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> operator.get("/dcl/admin/slo").json(),
                        slo ->
                                !slo.getBoolean("shouldHaltRollout")
                                        && slo.getJsonArray("setAside").isEmpty()
                                        && availability(slo).getInt("events") < 100);
    }

    private Api.Reply setPlan(int percent, String reason) {
        return operator.put(PLAN, "{\"percent\":" + percent + ",\"reason\":\"" + reason + "\"}");
    }

    private JsonObject awaitPlan(java.util.function.Predicate<JsonObject> state) {
        return await("the plan reaches the expected state")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions() // 503 while the database comes back
                .until(() -> operator.get(PLAN).json(), p -> !p.isNull("stage") && state.test(p));
    }

    private void assertPlanListing() {
        JsonObject plan = operator.get(PLAN + "?limit=1000").json();
        assertEquals(25, plan.getInt("percent"));
        assertEquals("advance", plan.getJsonObject("stage").getString("change"));
        Map<String, JsonObject> byTenant = new java.util.HashMap<>();
        plan.getJsonObject("tenants")
                .getJsonArray("items")
                .forEach(t -> byTenant.put(t.asJsonObject().getString("tenant"), t.asJsonObject()));
        for (String tenant : List.of(early, mid)) {
            JsonObject listed = byTenant.get(tenant);
            assertEquals(
                    RolloutStage.position(new TenantId(tenant)), listed.getInt("position"), tenant);
            assertEquals("registry", listed.getString("servedBy"), tenant);
        }
    }

    /**
     * Lookups that succeed, the runtimes taking turns and each alternating between the nodes: the
     * fleet's traffic, which one tenant alone does not explain.
     */
    private int lookUpOnBothNodes(int count, Api... runtimes) {
        for (int i = 0; i < count; i++) {
            Api runtime = runtimes[i % runtimes.length];
            Api.Reply reply = nodes(runtime).get((i / runtimes.length) % 2).get(AMOUNT);
            assertEquals(200, reply.status(), reply.toString());
            assertEquals("amount_registry", reply.json().getString("canonicalField"));
        }
        return count;
    }

    /**
     * Lookups of fields never cached, while PostgreSQL is stopped: each fails with 503. The
     * runtimes take turns, as in {@link #lookUpOnBothNodes}.
     */
    private int failLookupsWhileTheDatabaseIsDown(int count, String round, Api... runtimes) {
        TestDatabase.stop();
        try {
            for (int i = 0; i < count; i++) {
                Api runtime = runtimes[i % runtimes.length];
                Api.Reply reply =
                        nodes(runtime)
                                .get((i / runtimes.length) % 2)
                                .get("/dcl/mappings/salesforce/Opportunity/Outage_" + round + i);
                assertEquals(503, reply.status(), reply.toString());
            }
        } finally {
            TestDatabase.start();
        }
        for (Api node : nodes(Api.anonymous())) {
            await("the database is back for " + node.base())
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> node.get("/health/ready").status() == 200);
        }
        return count;
    }

    private void awaitEvent(String event) {
        await("the plan owner's webhook hears " + event)
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().anyMatch(e -> e.startsWith(event + " ")));
        mark("webhook received " + event);
    }

    private static void awaitServedBy(Api runtime, String source, String what) {
        for (Api node : nodes(runtime)) {
            awaitServedByNode(node, source, what);
        }
    }

    private static void awaitServedByNode(Api node, String source, String what) {
        await(what + " on " + node.base())
                .atMost(Duration.ofMillis(ALL_NODES_LIMIT_MILLIS))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> source.equals(node.get(AMOUNT).header("X-DCL-Source")));
    }

    private static void assertServedByOnBoth(Api runtime, String source, String what) {
        for (Api node : nodes(runtime)) {
            assertEquals(source, node.get(AMOUNT).header("X-DCL-Source"), what);
        }
    }

    private static List<Api> nodes(Api runtime) {
        return List.of(runtime, runtime.at(nodeB.base()));
    }

    /** The failed reads in an SLO's figures: the budget consumed times its size (5 % of events). */
    private static long failures(JsonObject availability) {
        return Math.round(
                availability.getJsonNumber("budgetConsumed").doubleValue()
                        * 0.05
                        * availability.getJsonNumber("events").longValue());
    }

    private static JsonObject availability(JsonObject slo) {
        return slo.getJsonArray("slos").stream()
                .map(s -> s.asJsonObject())
                .filter(s -> s.getString("name").equals("availability"))
                .findFirst()
                .orElseThrow();
    }

    private void mark(String what) {
        timeline.add(
                String.format(
                        "[rollout timeline] +%6.1f s %s", (System.nanoTime() - began) / 1e9, what));
    }

    /** A fresh tenant id whose place in the rollout's line satisfies {@code where}. */
    private static String tenantAt(IntPredicate where) {
        while (true) {
            String tenant = Api.freshTenant();
            if (where.test(RolloutStage.position(new TenantId(tenant)))) {
                return tenant;
            }
        }
    }
}
