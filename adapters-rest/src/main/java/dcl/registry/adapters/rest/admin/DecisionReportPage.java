package dcl.registry.adapters.rest.admin;

import static dcl.registry.adapters.rest.admin.ReportText.count;
import static dcl.registry.adapters.rest.admin.ReportText.counted;
import static dcl.registry.adapters.rest.admin.ReportText.escape;
import static dcl.registry.adapters.rest.admin.ReportText.percent;

import dcl.registry.domain.decision.Decision;
import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.decision.DecisionReport.ConfigurationUse;
import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.intelligence.Fallback;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's decision report as one HTML page for an operator: summary figures, the timeline and
 * fallbacks as charts, adherence per configuration and the violations. Self-contained (inline
 * style, inline SVG, no script, nothing loaded from elsewhere) so that it is served under {@code
 * Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:} and can be
 * saved and mailed as one file. Every text from data is escaped.
 */
public final class DecisionReportPage {
    private static final String STYLE =
            """
            :root { color-scheme: light; }
            body { margin: 0; background: #f4f5f7; color: #1d2430;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
                sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 20px 32px 48px; }
            header h1 { font-size: 1.6rem; margin: 0 0 10px; }
            section { background: #fff; border: 1px solid #dde1e7; border-radius: 8px;
              padding: 16px 24px 20px; margin: 16px 0; }
            h2 { font-size: 1.2rem; margin: 0 0 12px; }
            dl { margin: 0; }
            dd { margin: 0; }
            .facts { display: flex; flex-wrap: wrap; gap: 8px 40px; }
            .facts dt, .stat dt { font-size: .78rem; color: #5b6573; text-transform: uppercase;
              letter-spacing: .04em; }
            .stats { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px;
              margin-bottom: 16px; }
            .stat { border: 1px solid #dde1e7; border-radius: 6px; padding: 10px 14px; }
            .stat dd { font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
            .stat.bad dd { color: #c0262d; }
            table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
            table.compact { width: auto; min-width: 50%; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e6e9ee;
              vertical-align: top; }
            thead th { background: #f0f2f5; font-size: .85rem; }
            .num { text-align: right; white-space: nowrap; }
            #violation-table { table-layout: fixed; font-size: .9rem; }
            #violation-table td, #violation-table th { overflow-wrap: anywhere; }
            .col-when { width: 12%; } .col-source { width: 20%; } .col-configuration { width: 18%; }
            .col-selected { width: 7%; } .col-answered { width: 9%; } .col-fallbacks { width: 10%; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
              margin-right: 8px; vertical-align: -1px; }
            .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 24px;
              padding: 0; margin: 0 0 8px; }
            .marker { color: #c0262d; margin-right: 6px; }
            svg.chart { display: block; width: 100%; height: auto; margin: 4px 0 12px; }
            svg.chart text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: #3b4452; }
            svg.chart .axis-title { fill: #5b6573; }
            svg.chart .axis-line { stroke: #8a93a0; stroke-width: 1; }
            svg.chart .grid-line { stroke: #e3e6eb; stroke-width: 1; }
            svg.chart .violation-count { fill: #c0262d; font-weight: 600; }
            svg.chart .fallback-line { fill: none; stroke: #44546a; stroke-width: 2; }
            svg.chart .fallback-point circle { fill: #44546a; }
            .statement { font-size: 1.05rem; margin: 0 0 12px; padding: 10px 14px;
              border-left: 4px solid #009e73; background: #eef8f4; }
            .statement.bad { border-color: #c0262d; background: #fbeeee; }
            .fallback-list { margin: 0; padding-left: 1.1em; }
            details summary { cursor: pointer; color: #2d5d8a; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em;
              overflow-wrap: anywhere; }
            """;

    /** The violations table's widths: fixed, so long names wrap in their cell, not the table. */
    private static final String VIOLATION_COLUMNS =
            "<colgroup><col class=\"col-when\"><col class=\"col-source\">"
                    + "<col class=\"col-configuration\"><col class=\"col-selected\">"
                    + "<col class=\"col-answered\"><col class=\"col-fallbacks\"><col></colgroup>";

    private final DecisionReport report;
    private final TenantId tenant;
    private final Instant generatedAt;
    private final StringBuilder html = new StringBuilder(16_384);

    private DecisionReportPage(DecisionReport report, TenantId tenant, Instant generatedAt) {
        this.report = report;
        this.tenant = tenant;
        this.generatedAt = generatedAt;
    }

    /** The whole page, UTF-8 text/html. */
    public static String render(DecisionReport report, TenantId tenant, Instant generatedAt) {
        return new DecisionReportPage(report, tenant, generatedAt).page();
    }

    private String page() {
        String title = "Decision report — " + tenant.value();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(title))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body><main><header><h1>")
                .append(escape(title))
                .append("</h1>");
        facts();
        html.append("</header>");
        summary();
        timeline();
        fallbacks();
        configurations();
        violations();
        return html.append("</main></body></html>\n").toString();
    }

    /** What the report covers and when it was made. */
    private void facts() {
        html.append("<dl class=\"facts\">");
        fact("Period (UTC)", time(report.from()) + " to " + time(report.to()));
        fact("Bucket width", escape(ReportText.duration(report.bucketWidth())));
        fact("Generated", time(generatedAt));
        html.append("</dl>");
    }

    private void fact(String name, String valueHtml) {
        html.append("<div><dt>").append(name).append("</dt><dd>").append(valueHtml);
        html.append("</dd></div>");
    }

    private static String time(Instant at) {
        String iso = ReportText.instant(at);
        return "<time datetime=\"" + iso + "\">" + iso + "</time>";
    }

    /** To the second, date and time apart so that a narrow column can break the line between. */
    private static String secondTime(Instant at) {
        return "<time datetime=\""
                + ReportText.instant(at)
                + "\">"
                + ReportText.dateAndTime(at)
                + "</time>";
    }

    private void summary() {
        openSection("summary", "Summary");
        html.append("<dl class=\"stats\">");
        stat("decisions", "Decisions", count(report.total()), false);
        stat("violations", "Violations", count(report.violated()), report.violated() > 0);
        stat(
                "adherence",
                "Configuration adherence",
                percent(report.total() - report.violated(), report.total()),
                report.violated() > 0);
        stat("fallbacks", "Decisions with fallbacks", count(report.withFallbacks()), false);
        stat("p50", "Latency p50", latency(0.50), false);
        stat("p95", "Latency p95", latency(0.95), false);
        html.append("</dl>");
        answeredTable();
        rankingModelTable();
        closeSection();
    }

    private void stat(String id, String name, String value, boolean bad) {
        html.append("<div class=\"stat")
                .append(bad ? " bad" : "")
                .append("\" id=\"stat-")
                .append(id)
                .append("\"><dt>")
                .append(name)
                .append("</dt><dd>")
                .append(escape(value))
                .append("</dd></div>");
    }

    /**
     * A latency percentile as the histogram knows it: the upper bound of its bucket; a dash without
     * decisions, where there is nothing to measure.
     */
    private String latency(double quantile) {
        return report.latency().total() == 0
                ? "—"
                : "≤ " + count(report.latency().percentileMillis(quantile)) + " ms";
    }

    private void answeredTable() {
        if (report.answered().isEmpty()) {
            return;
        }
        html.append("<table id=\"answered\" class=\"compact\">")
                .append("<caption>Decisions per answering strategy</caption>")
                .append("<thead><tr><th scope=\"col\">Strategy</th>")
                .append("<th scope=\"col\" class=\"num\">Decisions</th>")
                .append("<th scope=\"col\" class=\"num\">Share</th></tr></thead><tbody>");
        for (Map.Entry<String, Long> answered : report.answered().entrySet()) {
            html.append("<tr><th scope=\"row\">")
                    .append(strategy(answered.getKey()))
                    .append("</th>")
                    .append(number(count(answered.getValue())))
                    .append(number(percent(answered.getValue(), report.total())))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Which re-rankers weighed the answers: a tenant's model learned anew shows as a new row. */
    private void rankingModelTable() {
        if (report.rankingModels().isEmpty()) {
            return;
        }
        html.append("<table id=\"ranking-models\" class=\"compact\">")
                .append("<caption>Decisions per ranking model</caption>")
                .append("<thead><tr><th scope=\"col\">Ranking model</th>")
                .append("<th scope=\"col\" class=\"num\">Decisions</th></tr></thead><tbody>");
        for (Map.Entry<String, Long> weighed : report.rankingModels().entrySet()) {
            html.append("<tr><th scope=\"row\">")
                    .append(escape(weighed.getKey()))
                    .append("</th>")
                    .append(number(count(weighed.getValue())))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private void timeline() {
        openSection("timeline", "Decision timeline");
        if (report.total() == 0) {
            html.append("<p>No decisions in this period.</p>")
                    .append(DecisionReportCharts.timeline(report));
        } else {
            legend();
            html.append(DecisionReportCharts.timeline(report));
            timelineTable();
        }
        closeSection();
    }

    private void legend() {
        html.append("<ul class=\"legend\" aria-label=\"Answering strategies\">");
        for (String strategy : report.answered().keySet()) {
            html.append("<li>").append(strategy(strategy)).append("</li>");
        }
        html.append("<li><span class=\"marker\" aria-hidden=\"true\">▼</span>")
                .append("violations in the bucket</li></ul>");
    }

    /** The chart's figures for whoever cannot see it, folded away for whoever can. */
    private void timelineTable() {
        html.append("<details><summary>The timeline as a table</summary>")
                .append("<table id=\"timeline-table\"><caption>Buckets with decisions</caption>")
                .append("<thead><tr><th scope=\"col\">Start (UTC)</th>")
                .append("<th scope=\"col\" class=\"num\">Decisions</th>")
                .append("<th scope=\"col\" class=\"num\">Violations</th>")
                .append("<th scope=\"col\" class=\"num\">Fallbacks</th></tr></thead><tbody>");
        for (DecisionReport.TimelineBucket bucket : report.timeline()) {
            if (bucket.total() > 0) {
                html.append("<tr><th scope=\"row\">")
                        .append(time(bucket.start()))
                        .append("</th>")
                        .append(number(count(bucket.total())))
                        .append(number(count(bucket.violated())))
                        .append(number(count(bucket.fallbacks())))
                        .append("</tr>");
            }
        }
        html.append("</tbody></table></details>");
    }

    private void fallbacks() {
        openSection("fallbacks", "Strategies and fallbacks over time");
        html.append(DecisionReportCharts.fallbacks(report));
        Set<String> strategies = new TreeSet<>(report.answered().keySet());
        strategies.addAll(report.fallbacks().keySet());
        if (strategies.isEmpty()) {
            html.append("<p>No strategy answered or fell back in this period.</p>");
        } else {
            strategyTable(strategies);
        }
        closeSection();
    }

    private void strategyTable(Set<String> strategies) {
        html.append("<table id=\"strategies\" class=\"compact\">")
                .append("<caption>Answers and fallbacks per strategy</caption>")
                .append("<thead><tr><th scope=\"col\">Strategy</th>")
                .append("<th scope=\"col\" class=\"num\">Answered</th>")
                .append("<th scope=\"col\" class=\"num\">Fallbacks</th></tr></thead><tbody>");
        for (String strategy : strategies) {
            html.append("<tr><th scope=\"row\">")
                    .append(strategy(strategy))
                    .append("</th>")
                    .append(number(count(report.answered().getOrDefault(strategy, 0L))))
                    .append(number(count(report.fallbacks().getOrDefault(strategy, 0L))))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private void configurations() {
        openSection("configurations", "Configuration adherence");
        List<ConfigurationUse> uses = report.configurations();
        if (uses.isEmpty()) {
            html.append("<p>No configuration was used: no decisions in this period.</p>");
        } else {
            configurationTable(uses);
        }
        closeSection();
    }

    private void configurationTable(List<ConfigurationUse> uses) {
        html.append("<table id=\"configuration-table\"><caption>Decisions per configuration")
                .append(" version</caption><thead><tr>")
                .append("<th scope=\"col\" class=\"num\">Version</th>")
                .append("<th scope=\"col\">Configuration</th><th scope=\"col\">Origin</th>")
                .append("<th scope=\"col\" class=\"num\">Decisions</th>")
                .append("<th scope=\"col\" class=\"num\">Violations</th>")
                .append("<th scope=\"col\" class=\"num\">Adherence</th></tr></thead><tbody>");
        for (ConfigurationUse use : uses) {
            EffectiveConfiguration effective = use.configuration();
            html.append("<tr><th scope=\"row\" class=\"num\">v")
                    .append(effective.version())
                    .append("</th><td>")
                    .append(escape(effective.configuration().label()))
                    .append("</td><td>")
                    .append(escape(effective.origin().wireName()))
                    .append("</td>")
                    .append(number(count(use.decisions())))
                    .append(number(count(use.violated())))
                    .append(number(percent(use.decisions() - use.violated(), use.decisions())))
                    .append("</tr>");
        }
        html.append("</tbody></table>");
    }

    /** Always there, so that "none" is said rather than left to be inferred from a gap. */
    private void violations() {
        openSection("violations", "Violations");
        if (report.total() == 0) {
            html.append("<p class=\"statement\">No decisions in this period.</p>");
        } else if (report.violated() == 0) {
            html.append("<p class=\"statement\">No violations: ")
                    .append(
                            report.total() == 1
                                    ? "the one decision kept to its configuration."
                                    : "all "
                                            + count(report.total())
                                            + " decisions kept to their configuration.")
                    .append("</p>");
        } else {
            html.append("<p class=\"statement bad\">")
                    .append(count(report.violated()))
                    .append(" of ")
                    .append(counted(report.total(), "decision"))
                    .append(" did not keep to their configuration.</p>");
            violationTable();
            moreViolations();
        }
        closeSection();
    }

    private void violationTable() {
        html.append("<table id=\"violation-table\"><caption>")
                .append(
                        report.violated() > report.violations().size()
                                ? "The first " + report.violations().size() + " violations"
                                : "Every violation")
                .append(", oldest first</caption>")
                .append(VIOLATION_COLUMNS)
                .append("<thead><tr>")
                .append("<th scope=\"col\">Time (UTC)</th><th scope=\"col\">Source</th>")
                .append("<th scope=\"col\">Configuration</th><th scope=\"col\">Selected</th>")
                .append("<th scope=\"col\">Answered</th><th scope=\"col\">Fallbacks</th>")
                .append("<th scope=\"col\">Violation</th></tr></thead><tbody>");
        for (Decision d : report.violations()) {
            violationRow(d);
        }
        html.append("</tbody></table>");
    }

    private void violationRow(Decision d) {
        EffectiveConfiguration effective = d.configuration().effective();
        html.append("<tr><td>")
                .append(secondTime(d.at()))
                .append("</td><th scope=\"row\">")
                .append(source(d))
                .append("</th><td>v")
                .append(effective.version())
                .append(' ')
                .append(escape(effective.configuration().label()))
                .append(" (")
                .append(escape(effective.origin().wireName()))
                .append(")</td><td>")
                .append(escape(d.strategySelected()))
                .append(d.selectionReason().map(r -> " (" + escape(r) + ")").orElse(""))
                .append("</td><td>")
                .append(escape(d.strategyAnswered()))
                .append(d.rankingModel().map(m -> " (weighed by " + escape(m) + ")").orElse(""))
                .append("</td><td>")
                .append(fallbackList(d.fallbacks()))
                .append("</td><td>")
                .append(escape(d.violation().orElse("")))
                .append("</td></tr>");
    }

    /** connector/table/field, the line broken after a slash rather than inside a name. */
    private static String source(Decision d) {
        return escape(d.source().connector().value())
                + "/<wbr>"
                + escape(d.source().table().name())
                + "/<wbr>"
                + escape(d.source().field().name());
    }

    private static String fallbackList(List<Fallback> fallbacks) {
        if (fallbacks.isEmpty()) {
            return "none";
        }
        StringBuilder list = new StringBuilder("<ul class=\"fallback-list\">");
        for (Fallback f : fallbacks) {
            list.append("<li>").append(escape(f.toString())).append("</li>");
        }
        return list.append("</ul>").toString();
    }

    /** Beyond the listed ones, where to read the rest (the API needs a token, so no link). */
    private void moreViolations() {
        long more = report.violated() - report.violations().size();
        if (more > 0) {
            html.append("<p class=\"more\">… and ")
                    .append(count(more))
                    .append(" more (JSON Lines: <code>")
                    .append(
                            escape(
                                    "GET /dcl/admin/decisions?violation=true&from="
                                            + ReportText.instant(report.from())
                                            + "&to="
                                            + ReportText.instant(report.to())))
                    .append("</code>)</p>");
        }
    }

    private void openSection(String id, String heading) {
        html.append("<section id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-heading\"><h2 id=\"")
                .append(id)
                .append("-heading\">")
                .append(heading)
                .append("</h2>");
    }

    private void closeSection() {
        html.append("</section>");
    }

    /** A strategy's name behind the swatch of its colour in the charts. */
    private static String strategy(String name) {
        return "<span class=\"swatch\" style=\"background:"
                + StrategyColours.of(name)
                + "\" aria-hidden=\"true\"></span>"
                + escape(name);
    }

    private static String number(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }
}
