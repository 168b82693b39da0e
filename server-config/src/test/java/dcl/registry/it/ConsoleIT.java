package dcl.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.intelligence.AlternativesWanted;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as its people use it, in a real Chromium against the real server: sign-in through an
 * OpenID Connect provider (and with a development token), the review queue worked by keyboard and
 * mouse with the four-eyes rule and a race, a stale edit of a mapping, a job's progress. Each test
 * has a tenant of its own. Screenshots of the main screens land in target/console-screenshots (the
 * README shows them).
 */
class ConsoleIT extends DeployedRegistry {
    private static final String CONSOLE = Api.BASE + "/console/";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String tenant = Api.freshTenant();
    private final Api runtime = Api.as(Tokens.mint(tenant, "aam", "service"));
    private final Api admin = Api.as(Tokens.mint(tenant, "alice", "admin"));

    private static final String RUNTIMES_REASON = "new field seen by the runtime";

    /** Proposes a target for the field with the samples and queues it; returns the approval id. */
    private static String queueProposal(
            Api submitter, String connector, String table, String field, String... samples) {
        return queueProposalBecause(RUNTIMES_REASON, submitter, connector, table, field, samples);
    }

    /** As {@link #queueProposal}, submitted for this reason. */
    private static String queueProposalBecause(
            String reason,
            Api submitter,
            String connector,
            String table,
            String field,
            String... samples) {
        Api.Reply proposed =
                submitter.post(
                        "/dcl/intelligence/propose-mapping",
                        proposalJson(null, connector, table, field, samples));
        assertEquals(200, proposed.status(), proposed.toString());
        Api.Reply queued =
                submitter.post(
                        "/dcl/approvals/submit",
                        "{\"proposalId\":\""
                                + proposed.json().getString("proposalId")
                                + "\",\"reason\":\""
                                + reason
                                + "\"}");
        assertEquals(201, queued.status(), queued.toString());
        return queued.json().getString("id");
    }

    /** Signs in by pasting a development token, as a developer would. */
    private static void signInWithDevelopmentToken(ConsoleBrowser browser, String token) {
        browser.open(CONSOLE);
        assertTrue(
                browser.waitFor(By.id("dev-banner"), WAIT).getText().contains("Development mode"),
                "development mode says so on every page");
        WebElement area = browser.waitFor(By.id("dev-token"), WAIT);
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", area, token);
        browser.driver().findElement(By.id("sign-in-dev")).click();
    }

    private static List<WebElement> queueRows(ConsoleBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#queue-table tbody tr"));
    }

    private static String message(ConsoleBrowser browser, String containing) {
        return new WebDriverWait(browser.driver(), WAIT)
                        .until(
                                ExpectedConditions.textToBePresentInElementLocated(
                                        By.id("messages"), containing))
                ? browser.driver().findElement(By.id("messages")).getText()
                : "";
    }

    private static void waitForSelected(ConsoleBrowser browser, String approvalId) {
        browser.waitFor(
                By.cssSelector("tr[data-approval='" + approvalId + "'][aria-selected='true']"),
                WAIT);
        browser.waitFor(By.id("approve"), WAIT);
    }

    /** The page's own script and its Content-Security-Policy never failed. */
    private static void assertNoScriptOrPolicyErrors(ConsoleBrowser browser) {
        List<String> errors =
                browser.consoleErrors().stream()
                        .filter(
                                e ->
                                        e.contains("Content Security Policy")
                                                || e.contains("Uncaught")
                                                || e.contains("TypeError"))
                        .toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void givenTheOrganisationsProvider_whenAReviewerSignsIn_thenTheQueueShowsOnlyTheirTenant()
            throws Exception {
        String other = Api.freshTenant();
        String amount = queueProposal(runtime, "hubspot", "deals", "amount", "1200.50", "99.00");
        String hostile = "<img src=x onerror=window.injected=1>";
        queueProposalBecause(hostile, runtime, "hubspot", "contacts", "email", "ann@example.com");
        String foreign =
                queueProposal(
                        Api.as(Tokens.mint(other, "aam", "service")),
                        "hubspot",
                        "companies",
                        "domain",
                        "acme.com");

        try (LocalOpenIdProvider provider = new LocalOpenIdProvider();
                ConsoleBrowser browser = new ConsoleBrowser()) {
            provider.user("rita", tenant, "reviewer")
                    .client("dcl-console", CONSOLE)
                    .allowOrigin(Api.BASE);
            browser.open(CONSOLE);
            browser.waitFor(By.id("sign-in-openid"), WAIT);
            browser.screenshot(SCREENSHOTS.resolve("sign-in.png"));
            assertEquals(List.of(), browser.accessibilityViolations(), "the sign-in page");
            browser.driver().findElement(By.id("sign-in-openid")).click();

            new Select(browser.waitFor(By.id("user"), WAIT)).selectByValue("rita");
            browser.driver().findElement(By.id("sign-in")).click();

            waitForSelected(browser, amount);
            assertEquals(1, provider.tokensIssued(), "one code exchanged for one token");
            assertEquals("S256", provider.lastAuthorizationRequest().get("code_challenge_method"));
            String who = browser.driver().findElement(By.id("who")).getText();
            assertTrue(who.contains(tenant) && who.contains("rita"), who);
            List<String> rows = queueRows(browser).stream().map(WebElement::getText).toList();
            assertEquals(2, rows.size(), rows.toString());
            assertTrue(rows.get(0).contains("hubspot/deals/amount"), rows.toString());
            assertTrue(rows.get(1).contains("hubspot/contacts/email"), rows.toString());
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector("[data-approval='" + foreign + "']"))
                            .isEmpty(),
                    "another tenant's approval is never shown");

            String evidence = browser.waitFor(By.id("evidence"), WAIT).getText();
            assertTrue(evidence.contains("1200.50"), "the samples: " + evidence);
            assertTrue(evidence.contains("Why"), "the strategy's reasoning: " + evidence);
            assertTrue(evidence.contains(RUNTIMES_REASON), evidence);
            assertEquals(
                    AlternativesWanted.DEFAULT,
                    browser.driver().findElements(By.cssSelector("#alternatives tbody tr")).size(),
                    "every alternative the proposal listed, not a shorter page of them");
            assertTrue(
                    browser.driver().findElement(By.id("dev-banner")).isDisplayed(),
                    "a development server says so whoever signed in, and however");
            browser.screenshotWholePage(SCREENSHOTS.resolve("queue.png"));
            assertEquals(List.of(), browser.accessibilityViolations(), "the queue");

            // what the API returns is shown as text, never run as markup
            new Actions(browser.driver()).sendKeys("j").perform();
            new WebDriverWait(browser.driver(), WAIT)
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("evidence"), hostile));
            assertTrue(browser.driver().findElements(By.cssSelector("#evidence img")).isEmpty());
            assertEquals(
                    null,
                    ((JavascriptExecutor) browser.driver())
                            .executeScript("return window.injected"));
            assertNoScriptOrPolicyErrors(browser);
        }
    }

    @Test
    void givenFourPendingApprovals_whenTheReviewerWorksTheQueue_thenEachAnswerIsExplained()
            throws Exception {
        String approved = queueProposal(runtime, "hubspot", "deals", "amount", "1200.50");
        String rejected = queueProposal(runtime, "hubspot", "deals", "closedate", "2026-01-31");
        String raced = queueProposal(runtime, "hubspot", "contacts", "email", "ann@example.com");
        Api rita = Api.as(Tokens.mint(tenant, "rita", "reviewer", "service"));
        String own = queueProposal(rita, "hubspot", "contacts", "firstname", "Ann");

        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            signInWithDevelopmentToken(browser, Tokens.mint(tenant, "rita", "reviewer"));
            waitForSelected(browser, approved);
            assertEquals(4, queueRows(browser).size());

            // the keyboard pass: n to write a note, Escape to leave it, a to approve
            Actions keys = new Actions(browser.driver());
            keys.sendKeys("n").perform();
            keys.sendKeys("matches the samples").sendKeys(Keys.ESCAPE).sendKeys("a").perform();
            assertTrue(message(browser, "Approved").contains("hubspot/deals/amount"));
            waitForSelected(browser, rejected);
            assertEquals(3, queueRows(browser).size());

            browser.driver().findElement(By.id("reject")).click();
            assertTrue(message(browser, "Rejected").contains("hubspot/deals/closedate"));
            waitForSelected(browser, raced);

            // another reviewer decides while this one looks at it: 409, said as a race
            Api rob = Api.as(Tokens.mint(tenant, "rob", "reviewer"));
            assertEquals(200, rob.post("/dcl/approvals/" + raced + "/approve", "{}").status());
            keys.sendKeys("a").perform();
            String race = message(browser, "Someone decided this one first");
            assertTrue(race.contains("approved by rob"), race);
            waitForSelected(browser, own);

            // the four-eyes rule: 403, said as such, and the approval stays
            assertTrue(
                    browser.driver()
                            .findElement(By.id("queue-detail"))
                            .getText()
                            .contains("You submitted this change"));
            browser.driver().findElement(By.id("approve")).click();
            assertTrue(message(browser, "four-eyes rule").contains("hubspot/contacts/firstname"));
            assertEquals(1, queueRows(browser).size());
            browser.screenshot(SCREENSHOTS.resolve("queue-four-eyes.png"));
            assertNoScriptOrPolicyErrors(browser);
        }

        JsonObject first = admin.get("/dcl/approvals/" + approved).json();
        assertEquals("approved", first.getString("status"));
        assertEquals("rita", first.getString("decidedBy"));
        assertEquals("matches the samples", first.getString("notes"));
        assertEquals(
                "rejected", admin.get("/dcl/approvals/" + rejected).json().getString("status"));
        assertEquals("rob", admin.get("/dcl/approvals/" + raced).json().getString("decidedBy"));
        assertEquals("proposed", admin.get("/dcl/approvals/" + own).json().getString("status"));
    }

    @Test
    void
            givenAMappingChangedByAnother_whenTheAdminSavesAStaleEdit_thenTheConsoleExplainsAndReloads()
                    throws Exception {
        Api.Reply created =
                admin.post(
                        "/dcl/mappings",
                        mappingJson(
                                "salesforce", "Opportunity", "Amount", "opportunity", "amount"));
        assertEquals(201, created.status(), created.toString());
        String id = created.json().getString("id");

        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            signInWithDevelopmentToken(browser, Tokens.mint(tenant, "alice", "admin"));
            browser.open(CONSOLE + "#/mappings?connector=salesforce");
            browser.waitFor(By.linkText("salesforce/Opportunity/Amount"), WAIT).click();
            WebElement field = browser.waitFor(By.id("edit-field"), WAIT);
            field.clear();
            field.sendKeys("probability");

            // meanwhile bob changes it through the API
            Api bob = Api.as(Tokens.mint(tenant, "bob", "admin"));
            Api.Reply current = bob.get("/dcl/mappings/" + id);
            Api.Reply changed =
                    bob.put(
                            "/dcl/mappings/" + id,
                            "{\"canonicalEntity\":\"opportunity\",\"canonicalField\":\"stage\",\"reason\":\"bob's fix\"}",
                            "If-Match",
                            current.header("ETag"));
            assertEquals(200, changed.status(), changed.toString());

            browser.driver().findElement(By.id("edit-save")).click();
            String stale = browser.waitFor(By.id("stale-edit"), WAIT).getText();
            assertTrue(stale.contains("You edited version 1"), stale);
            assertTrue(stale.contains("changed by bob"), stale);
            assertEquals(
                    "probability",
                    browser.driver().findElement(By.id("edit-field")).getAttribute("value"),
                    "the edit is kept");
            browser.screenshot(SCREENSHOTS.resolve("mapping-stale-edit.png"));
            assertEquals(List.of(), browser.accessibilityViolations(), "a stale edit");

            browser.driver().findElement(By.id("reload-mapping")).click();
            new WebDriverWait(browser.driver(), WAIT)
                    .until(
                            ExpectedConditions.textToBe(
                                    By.id("current-target"), "opportunity.stage"));
            WebElement again = browser.waitFor(By.id("edit-field"), WAIT);
            again.clear();
            again.sendKeys("probability");
            browser.driver().findElement(By.id("edit-reason")).sendKeys("probability, not stage");
            browser.driver().findElement(By.id("edit-save")).click();
            new WebDriverWait(browser.driver(), WAIT)
                    .until(
                            ExpectedConditions.textToBe(
                                    By.id("current-target"), "opportunity.probability"));

            String history =
                    browser.waitFor(By.id("history-title"), WAIT)
                            .findElement(By.xpath(".."))
                            .getText();
            assertTrue(history.contains("Version 3"), history);
            assertTrue(history.contains("probability, not stage"), history);
            assertEquals(
                    List.of("stage", "amount"),
                    browser.driver().findElements(By.cssSelector(".diff del")).stream()
                            .map(WebElement::getText)
                            .filter(t -> !t.isBlank() && !t.matches("[0-9.]+"))
                            .toList(),
                    "newest first: stage then amount were replaced");

            WebElement record = browser.driver().findElement(By.id("preview-record"));
            record.clear();
            record.sendKeys("{\"Amount\": \"40\"}");
            browser.driver().findElement(By.id("preview-run")).click();
            String preview = browser.waitFor(By.cssSelector("#preview-output pre"), WAIT).getText();
            assertTrue(
                    preview.contains("\"probability\": \"40\"")
                            || preview.contains("\"probability\": 40"),
                    preview);
            browser.screenshotWholePage(SCREENSHOTS.resolve("mapping.png"));
            assertEquals(List.of(), browser.accessibilityViolations(), "a mapping");
            assertNoScriptOrPolicyErrors(browser);
        }
        assertEquals(3, admin.get("/dcl/mappings/" + id).json().getInt("version"));
    }

    @Test
    void givenAJobStartedFromTheConsole_whenItRuns_thenItsProgressAndReportShowForThatTenantOnly()
            throws Exception {
        String other = Api.freshTenant();
        Api otherAdmin = Api.as(Tokens.mint(other, "oscar", "admin"));
        long foreign =
                Jobs.start(
                        otherAdmin,
                        "parity-check",
                        "{\"path\":\"" + Jobs.corpus(other, "mappings") + "\"}");
        String corpus = Jobs.corpus(tenant, "mappings");

        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            signInWithDevelopmentToken(browser, Tokens.mint(tenant, "alice", "admin"));
            browser.open(CONSOLE + "#/operations");
            new Select(browser.waitFor(By.id("job-name"), WAIT)).selectByValue("parity-check");
            browser.driver().findElement(By.id("job-path")).sendKeys(corpus);
            browser.driver().findElement(By.id("job-start")).click();
            String started = message(browser, "Started parity-check");
            long execution = Long.parseLong(started.replaceAll("(?s).*#([0-9]+).*", "$1"));

            By row = By.cssSelector("tr[data-execution='" + execution + "']");
            new WebDriverWait(browser.driver(), Duration.ofMinutes(2))
                    .until(ExpectedConditions.textToBePresentInElementLocated(row, "COMPLETED"));
            WebElement done = browser.driver().findElement(row);
            assertTrue(done.getText().matches("(?s).*[0-9]+ of [0-9]+.*"), done.getText());
            assertEquals(
                    done.findElement(By.tagName("progress")).getAttribute("max"),
                    done.findElement(By.tagName("progress")).getAttribute("value"),
                    "a finished job's bar is full");
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector("tr[data-execution='" + foreign + "']"))
                            .isEmpty(),
                    "another tenant's job is never listed");
            assertEquals("Ready", browser.driver().findElement(By.id("health-status")).getText());
            browser.screenshotWholePage(SCREENSHOTS.resolve("operations.png"));
            assertEquals(List.of(), browser.accessibilityViolations(), "operations");
            assertNoScriptOrPolicyErrors(browser);
        }
    }

    /**
     * Not a timed assertion: prints how long a reviewer waits for a queue of 1,000 pending
     * approvals (the first page's rows, then the first approval's evidence), from the browser's own
     * User Timing marks, over five loads.
     */
    @Test
    void givenAThousandPendingApprovals_whenTheQueueLoads_thenTheFirstPageAndItsEvidenceShow()
            throws Exception {
        int pending = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> queued = new ArrayList<>();
            for (int i = 0; i < pending; i++) {
                String field = "custom_field_" + i;
                queued.add(
                        pool.submit(() -> queueProposal(runtime, "hubspot", "deals", field, "x")));
            }
            for (Future<String> q : queued) {
                q.get();
            }
        } finally {
            pool.shutdown();
        }

        try (ConsoleBrowser browser = new ConsoleBrowser()) {
            signInWithDevelopmentToken(browser, Tokens.mint(tenant, "rita", "reviewer"));
            browser.waitFor(By.id("evidence"), WAIT);
            List<Double> rows = new ArrayList<>();
            List<Double> evidence = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                browser.driver().navigate().refresh();
                browser.waitFor(By.id("evidence"), WAIT);
                JavascriptExecutor page = (JavascriptExecutor) browser.driver();
                rows.add(
                        ((Number)
                                        page.executeScript(
                                                "return performance.getEntriesByName('dcl:queue-shown')[0].startTime"))
                                .doubleValue());
                evidence.add(
                        ((Number)
                                        page.executeScript(
                                                "return performance.getEntriesByName('dcl:evidence-shown')[0].startTime"))
                                .doubleValue());
            }
            assertEquals(50, queueRows(browser).size(), "one page of 50");
            assertTrue(browser.driver().findElement(By.id("next-page")).isDisplayed());
            System.out.printf(
                    "console queue with %d pending approvals, from navigation start (5 loads): rows"
                            + " median %.0f ms (min %.0f, max %.0f); first evidence median %.0f ms"
                            + " (min %.0f, max %.0f)%n",
                    pending,
                    median(rows),
                    rows.stream().mapToDouble(d -> d).min().orElseThrow(),
                    rows.stream().mapToDouble(d -> d).max().orElseThrow(),
                    median(evidence),
                    evidence.stream().mapToDouble(d -> d).min().orElseThrow(),
                    evidence.stream().mapToDouble(d -> d).max().orElseThrow());
            assertNoScriptOrPolicyErrors(browser);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
