package dcl.registry.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.decision.Adherence;
import dcl.registry.domain.decision.ConfigurationOrigin;
import dcl.registry.domain.decision.ConfigurationSnapshot;
import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionKind;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class DecisionReportPageTest {
    private static final TenantId TENANT = new TenantId("acme");
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

    /** A day: the report cuts it into 24 buckets of an hour. */
    private static final Instant TO = Instant.parse("2026-03-02T00:00:00Z");

    private static final Instant GENERATED = Instant.parse("2026-03-02T06:00:00Z");

    private static final EffectiveConfiguration INSTALLATION_LEXICAL =
            new EffectiveConfiguration(
                    new StrategyConfiguration(StrategyName.LEXICAL, 0.9),
                    ConfigurationOrigin.INSTALLATION,
                    0);
    private static final EffectiveConfiguration TENANT_MIXED =
            new EffectiveConfiguration(
                    new StrategyConfiguration(StrategyName.MIXED, 0.9),
                    ConfigurationOrigin.TENANT,
                    7);
    private static final EffectiveConfiguration TENANT_LEARNED =
            new EffectiveConfiguration(
                    new StrategyConfiguration(StrategyName.LEARNED, 0.9),
                    ConfigurationOrigin.TENANT,
                    8);
    private static final String GLOBAL_MODEL = "global-2026-11-26";
    private static final String OWN_MODEL = "tenant-30-on-global-2026-11-26";

    @Test
    void givenDecisionsWithAViolationAndAFallback_whenRendered_thenTheSummaryCountsThem() {
        DecisionReport report =
                report(
                        lexical(at("01:10"), "amount", "lexical", Duration.ofMillis(3)),
                        lexical(at("02:10"), "stage", "lexical", Duration.ofMillis(20)),
                        mixedRag(at("03:10"), "close_date", 0.5, Duration.ofMillis(300)));

        Document page = render(report);

        assertEquals("3", stat(page, "decisions"));
        assertEquals("1", stat(page, "violations"));
        assertEquals("66.6 %", stat(page, "adherence"));
        assertEquals("1", stat(page, "fallbacks"));
        assertEquals("≤ 25 ms", stat(page, "p50"));
        assertEquals("≤ 500 ms", stat(page, "p95"));
        assertEquals(
                List.of(List.of("lexical", "2", "66.6 %"), List.of("rag", "1", "33.3 %")),
                rows(page, "#answered"));
        assertTrue(page.select("#ranking-models").isEmpty(), "no ranking model weighed them");
    }

    @Test
    void givenLearnedDecisionsWeighedByTwoModels_whenRendered_thenTheSummaryCountsEachModel() {
        DecisionReport report =
                report(
                        learned(at("01:00"), "amount", GLOBAL_MODEL),
                        learned(at("02:00"), "stage", OWN_MODEL),
                        learned(at("03:00"), "owner", OWN_MODEL),
                        lexical(at("04:00"), "close_date", "lexical", Duration.ZERO));

        assertEquals(
                List.of(List.of(GLOBAL_MODEL, "1"), List.of(OWN_MODEL, "2")),
                rows(render(report), "#summary #ranking-models"));
    }

    @Test
    void givenAViolationOfALearnedDecision_whenRendered_thenItsRowNamesTheModelThatWeighedIt() {
        Decision violated =
                withViolation(
                        learned(at("01:00"), "amount", OWN_MODEL),
                        "answered with configuration v8 while the tenant's configuration is v9");

        assertEquals(
                "learned (weighed by " + OWN_MODEL + ")",
                rows(render(report(violated)), "#violation-table").get(0).get(4));
    }

    @Test
    void givenOneViolationInTwoThousand_whenRendered_thenAdherenceIsRoundedDownNotUpTo100() {
        DecisionReport report = new DecisionReport(FROM, TO);
        for (int i = 0; i < 1999; i++) {
            report.add(lexical(FROM.plusSeconds(i), "amount", "lexical", Duration.ofMillis(3)));
        }
        report.add(lexical(at("12:00"), "amount", "rag", Duration.ofMillis(3)));

        assertEquals("99.9 %", stat(render(report), "adherence"));
    }

    @Test
    void givenNoViolation_whenRendered_thenTheViolationsSectionSaysEveryDecisionKeptToIt() {
        DecisionReport report =
                report(
                        lexical(at("01:00"), "amount", "lexical", Duration.ofMillis(3)),
                        lexical(at("02:00"), "stage", "lexical", Duration.ofMillis(3)),
                        lexical(at("03:00"), "owner", "lexical", Duration.ofMillis(3)));

        Document page = render(report);

        Element violations = page.getElementById("violations");
        assertNotNull(violations);
        assertEquals("Violations", violations.selectFirst("h2").text());
        assertEquals(
                "No violations: all 3 decisions kept to their configuration.",
                violations.selectFirst(".statement").text());
        assertTrue(violations.select("table").isEmpty());
    }

    @Test
    void givenNoDecisions_whenRendered_thenThePageSaysSoInsteadOfShowingFigures() {
        Document page = render(new DecisionReport(FROM, TO));

        assertEquals(
                "No decisions in this period.", page.selectFirst("#violations .statement").text());
        assertEquals("0", stat(page, "decisions"));
        assertEquals("—", stat(page, "adherence"));
        assertEquals("—", stat(page, "p50"));
        assertTrue(page.select("#timeline-chart g.bucket").isEmpty());
    }

    @Test
    void givenAViolation_whenRendered_thenItsRowShowsWhereUnderWhatWhoAnsweredAndWhy() {
        DecisionReport report =
                report(
                        lexical(at("01:00"), "amount", "lexical", Duration.ofMillis(3)),
                        mixedRag(at("04:05"), "close_date", 0.5, Duration.ofMillis(30)));

        Document page = render(report);

        assertEquals("1 of 2 decisions did not keep to their configuration.", statement(page));
        assertEquals(
                List.of(
                        List.of(
                                "2026-03-01 04:05:00",
                                "salesforce/Opportunity/close_date",
                                "v7 mixed(rag>=0.90) (tenant)",
                                "mixed",
                                "rag",
                                "llm: circuit open",
                                "mixed took rag at 0.50, below its threshold 0.90")),
                rows(page, "#violation-table"));
        assertEquals(
                "2026-03-01T04:05:00Z", page.selectFirst("#violation-table time").attr("datetime"));
    }

    @Test
    void givenMarkupInAFieldNameAReasonAndAFallback_whenRendered_thenItIsShownAsTextNotRun() {
        String field = "<script>alert(\"x\")</script>";
        String reason = "answered with v3 & \"rag\" <b>bold</b>";
        Decision violated =
                withViolation(
                        decision(
                                at("01:00"),
                                field,
                                INSTALLATION_LEXICAL,
                                "lexical",
                                "rag",
                                List.of(new Fallback("llm", "<img src=x onerror=alert(1)>")),
                                Duration.ofMillis(3)),
                        reason);

        String html = DecisionReportPage.render(report(violated), TENANT, GENERATED);
        Document page = Jsoup.parse(html);

        assertTrue(page.select("script, img, b").isEmpty(), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), html);
        List<String> row = rows(page, "#violation-table").get(0);
        assertEquals("salesforce/Opportunity/" + field, row.get(1));
        assertEquals("llm: <img src=x onerror=alert(1)>", row.get(5));
        assertEquals(reason, row.get(6));
    }

    @Test
    void givenAnyReport_whenRendered_thenThePageLoadsNothingFromElsewhereAndRunsNoScript() {
        Document page =
                render(
                        report(
                                lexical(at("01:00"), "amount", "lexical", Duration.ofMillis(3)),
                                mixedRag(at("02:00"), "stage", 0.5, Duration.ofMillis(3))));

        assertTrue(page.select("script, link, iframe, object, embed, img").isEmpty());
        for (Element element : page.getAllElements()) {
            element.attributes()
                    .forEach(
                            a -> {
                                assertFalse(a.getKey().startsWith("on"), element.cssSelector());
                                assertFalse(
                                        Set.of("src", "href", "xlink:href").contains(a.getKey()),
                                        element.cssSelector());
                            });
        }
        assertFalse(page.select("style").html().contains("url("));
    }

    @Test
    void givenAReport_whenRendered_thenItIsTitledForTheTenantWithItsPeriodAndSections() {
        Document page =
                render(report(lexical(at("01:00"), "amount", "lexical", Duration.ofMillis(3))));

        assertEquals("Decision report — acme", page.title());
        assertEquals("Decision report — acme", page.selectFirst("main h1").text());
        assertEquals(
                List.of("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-02T06:00:00Z"),
                page.select("header time").eachAttr("datetime"));
        assertTrue(page.selectFirst("header").text().contains("1 hour"));
        assertEquals(
                List.of("summary", "timeline", "fallbacks", "configurations", "violations"),
                page.select("main > section").eachAttr("id"));
        for (Element section : page.select("main > section")) {
            Element heading = page.getElementById(section.attr("aria-labelledby"));
            assertNotNull(heading, section.id());
            assertEquals("h2", heading.tagName());
        }
    }

    @Test
    void givenDecisionsInThreeBuckets_whenRendered_thenTheTimelineHasOneBarGroupForEach() {
        DecisionReport report =
                report(
                        lexical(at("01:10"), "amount", "lexical", Duration.ofMillis(3)),
                        lexical(at("01:20"), "stage", "rag", Duration.ofMillis(3)),
                        lexical(at("05:00"), "owner", "lexical", Duration.ofMillis(3)),
                        mixedRag(at("23:59"), "close_date", 0.95, Duration.ofMillis(3)));

        Element chart = render(report).getElementById("timeline-chart");

        assertNotNull(chart);
        Elements bars = chart.select("g.bucket");
        assertEquals(
                List.of("2026-03-01T01:00:00Z", "2026-03-01T05:00:00Z", "2026-03-01T23:00:00Z"),
                bars.eachAttr("data-start"));
        assertEquals(
                List.of("lexical", "rag"), bars.get(0).select("rect").eachAttr("data-strategy"));
        assertEquals(
                List.of("2026-03-01T01:00:00Z"),
                chart.select("g.bucket:has(path.violation-marker)").eachAttr("data-start"));
        assertEquals("img", chart.attr("role"));
        assertEquals(
                "Decisions per 1 hour, stacked by answering strategy",
                chart.getElementById("timeline-chart-title").text());
        assertTrue(chart.attr("aria-labelledby").contains("timeline-chart-title"));
    }

    @Test
    void givenSevenDecisionsInTheBusiestBucket_whenRendered_thenTheYAxisEndsAtALabelledRoundMax() {
        DecisionReport report = new DecisionReport(FROM, TO);
        for (int i = 0; i < 7; i++) {
            report.add(lexical(at("02:00").plusSeconds(i), "amount", "lexical", Duration.ZERO));
        }

        Element chart = render(report).getElementById("timeline-chart");

        assertNotNull(chart);
        assertEquals(List.of("0", "2", "4", "6", "8"), chart.select("text.count-label").eachText());
        Element bar = chart.selectFirst("g.bucket rect");
        Element top = chart.select("line.grid-line").last();
        // 7 of 8: the bar reaches seven eighths of the way from the base line to the top line.
        double base = Double.parseDouble(chart.selectFirst("line.axis-line").attr("y1"));
        double max = Double.parseDouble(top.attr("y1"));
        double height = Double.parseDouble(bar.attr("height"));
        assertEquals(7.0 / 8 * (base - max), height, 0.1);
    }

    @Test
    void givenTwoReports_whenRendered_thenEachStrategyKeepsOneColourInBarsLegendAndReports() {
        Document first =
                render(
                        report(
                                lexical(at("01:00"), "amount", "lexical", Duration.ZERO),
                                lexical(at("02:00"), "stage", "rag", Duration.ZERO),
                                lexical(at("03:00"), "owner", "rag", Duration.ZERO)));
        Document second =
                render(
                        report(
                                lexical(at("04:00"), "amount", "rag", Duration.ZERO),
                                lexical(at("05:00"), "stage", "llm", Duration.ZERO),
                                lexical(
                                        at("06:00"),
                                        "owner",
                                        "drift-repair:renamed",
                                        Duration.ZERO)));

        String rag = onlyFill(first, "rag");
        assertEquals(rag, onlyFill(second, "rag"));
        assertTrue(
                first.select("#timeline .legend .swatch").stream()
                        .anyMatch(s -> s.attr("style").equals("background:" + rag)));
        Set<String> colours =
                Set.of(
                        onlyFill(first, "lexical"),
                        rag,
                        onlyFill(second, "llm"),
                        onlyFill(second, "drift-repair:renamed"));
        assertEquals(4, colours.size(), "each strategy its own colour: " + colours);
        assertFalse(colours.contains(StrategyColours.VIOLATION));
    }

    @Test
    void givenFallbacks_whenRendered_thenTheChartMarksTheirBucketsAndTheTableCountsThem() {
        DecisionReport report =
                report(
                        lexical(at("01:00"), "amount", "lexical", Duration.ZERO),
                        mixedRag(at("03:00"), "stage", 0.95, Duration.ZERO),
                        mixedRag(at("03:30"), "owner", 0.95, Duration.ZERO));

        Document page = render(report);

        assertEquals(
                List.of("2026-03-01T03:00:00Z"),
                page.select("#fallbacks-chart g.fallback-point").eachAttr("data-start"));
        assertEquals(
                "2026-03-01T03:00:00Z: 2 fallbacks",
                page.selectFirst("#fallbacks-chart g.fallback-point title").text());
        assertEquals(
                List.of(
                        List.of("lexical", "1", "0"),
                        List.of("llm", "0", "2"),
                        List.of("rag", "2", "0")),
                rows(page, "#strategies"));
    }

    @Test
    void givenTwoConfigurations_whenRendered_thenEachVersionHasItsRowWithItsAdherence() {
        DecisionReport report =
                report(
                        lexical(at("01:00"), "amount", "lexical", Duration.ZERO),
                        lexical(at("02:00"), "stage", "lexical", Duration.ZERO),
                        mixedRag(at("03:00"), "owner", 0.5, Duration.ZERO));

        assertEquals(
                List.of(
                        List.of("v0", "lexical", "installation", "2", "0", "100.0 %"),
                        List.of("v7", "mixed(rag>=0.90)", "tenant", "1", "1", "0.0 %")),
                rows(render(report), "#configuration-table"));
    }

    @Test
    void givenMoreViolationsThanAreListed_whenRendered_thenThePageSaysHowManyMoreAndWhere() {
        DecisionReport report = new DecisionReport(FROM, TO);
        for (int i = 0; i < DecisionReport.VIOLATIONS_LISTED + 3; i++) {
            report.add(lexical(FROM.plusSeconds(i), "amount", "rag", Duration.ZERO));
        }

        Document page = render(report);

        assertEquals(DecisionReport.VIOLATIONS_LISTED, rows(page, "#violation-table").size());
        assertEquals(
                "The first 100 violations, oldest first",
                page.selectFirst("#violation-table caption").text());
        assertEquals(
                "… and 3 more (JSON Lines: GET /dcl/admin/decisions?violation=true"
                        + "&from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z)",
                page.selectFirst("#violations .more").text());
    }

    // --- building reports from real decisions

    private static DecisionReport report(Decision... decisions) {
        DecisionReport report = new DecisionReport(FROM, TO);
        for (Decision d : decisions) {
            report.add(d);
        }
        return report;
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + ":00Z");
    }

    /** Under the installation's lexical configuration: a violation unless lexical answered. */
    private static Decision lexical(Instant at, String field, String answered, Duration latency) {
        return decision(at, field, INSTALLATION_LEXICAL, "lexical", answered, List.of(), latency);
    }

    /** Under the tenant's mixed configuration, rag answered after the LLM fell back. */
    private static Decision mixedRag(
            Instant at, String field, double confidence, Duration latency) {
        List<Fallback> fallbacks = List.of(new Fallback("llm", "circuit open"));
        ConfigurationSnapshot used = snapshot(TENANT_MIXED);
        return new Decision(
                UUID.randomUUID(),
                at,
                TENANT,
                DecisionKind.PROPOSAL,
                source(field),
                used,
                "mixed",
                Optional.empty(),
                "rag",
                Optional.empty(),
                fallbacks,
                Optional.of(new CanonicalField("opportunity", "amount")),
                confidence,
                latency,
                Adherence.judge(used, TENANT_MIXED, "mixed", "rag", confidence, fallbacks),
                Optional.empty());
    }

    /** Under the tenant's learned configuration, learned answered, weighed by {@code model}. */
    private static Decision learned(Instant at, String field, String model) {
        ConfigurationSnapshot used = snapshot(TENANT_LEARNED);
        return new Decision(
                UUID.randomUUID(),
                at,
                TENANT,
                DecisionKind.PROPOSAL,
                source(field),
                used,
                "learned",
                Optional.empty(),
                "learned",
                Optional.of(model),
                List.of(),
                Optional.of(new CanonicalField("opportunity", "amount")),
                0.8,
                Duration.ZERO,
                Adherence.judge(used, TENANT_LEARNED, "learned", "learned", 0.8, List.of()),
                Optional.empty());
    }

    /** A decision judged by the real adherence rule against the configuration it used. */
    private static Decision decision(
            Instant at,
            String field,
            EffectiveConfiguration effective,
            String selected,
            String answered,
            List<Fallback> fallbacks,
            Duration latency) {
        ConfigurationSnapshot used = snapshot(effective);
        return new Decision(
                UUID.randomUUID(),
                at,
                TENANT,
                DecisionKind.PROPOSAL,
                source(field),
                used,
                selected,
                Optional.empty(),
                answered,
                Optional.empty(),
                fallbacks,
                Optional.of(new CanonicalField("opportunity", "amount")),
                0.8,
                latency,
                Adherence.judge(used, effective, selected, answered, 0.8, fallbacks),
                Optional.empty());
    }

    private static Decision withViolation(Decision d, String violation) {
        return new Decision(
                d.id(),
                d.at(),
                d.tenant(),
                d.kind(),
                d.source(),
                d.configuration(),
                d.strategySelected(),
                d.selectionReason(),
                d.strategyAnswered(),
                d.rankingModel(),
                d.fallbacks(),
                d.answer(),
                d.confidence(),
                d.latency(),
                Optional.of(violation),
                d.proposalId());
    }

    private static ConfigurationSnapshot snapshot(EffectiveConfiguration effective) {
        return new ConfigurationSnapshot(
                effective, Optional.of("gemini-test"), Optional.of("p1"), "minilm");
    }

    private static SourceRef source(String field) {
        return new SourceRef(
                new ConnectorId("salesforce"),
                new SourceTable("Opportunity"),
                new SourceField(field));
    }

    // --- reading the page

    private static Document render(DecisionReport report) {
        return Jsoup.parse(DecisionReportPage.render(report, TENANT, GENERATED));
    }

    private static String stat(Document page, String id) {
        return page.selectFirst("#stat-" + id + " dd").text();
    }

    private static String statement(Document page) {
        return page.selectFirst("#violations .statement").text();
    }

    /** Each body row of the table as the texts of its cells. */
    private static List<List<String>> rows(Document page, String table) {
        return page.select(table + " tbody tr").stream()
                .map(row -> row.select("th, td").eachText())
                .toList();
    }

    /** The one fill every timeline segment of the strategy has. */
    private static String onlyFill(Document page, String strategy) {
        Set<String> fills =
                page.select("#timeline-chart rect").stream()
                        .filter(r -> r.attr("data-strategy").equals(strategy))
                        .map(r -> r.attr("fill"))
                        .collect(Collectors.toSet());
        assertEquals(1, fills.size(), strategy + ": " + fills);
        return fills.iterator().next();
    }
}
