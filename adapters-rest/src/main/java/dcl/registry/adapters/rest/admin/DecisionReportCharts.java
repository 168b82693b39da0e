package dcl.registry.adapters.rest.admin;

import static dcl.registry.adapters.rest.admin.TimeAxes.coordinate;

import dcl.registry.domain.decision.DecisionReport;
import dcl.registry.domain.decision.DecisionReport.TimelineBucket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The decision report's two charts as inline SVG (the page allows no script and no image from
 * elsewhere): decisions per bucket stacked by answering strategy with violations marked, and
 * fallbacks per bucket. Every bar and point carries a {@code <title>}, which browsers show on
 * hover, with its exact figures.
 */
final class DecisionReportCharts {
    private static final int TIMELINE_HEIGHT = 340;
    private static final int FALLBACKS_HEIGHT = 240;

    /** The share of its slot a bar fills; the rest keeps neighbouring bars apart. */
    private static final double BAR_SHARE = 0.78;

    /** A violation's triangle: its width at most, and its height. */
    private static final double MARKER_WIDTH = 12;

    private static final double MARKER_HEIGHT = 8;
    private static final double POINT_RADIUS = 3.5;

    private DecisionReportCharts() {}

    /** Decisions per bucket, one stacked segment per answering strategy, violations marked red. */
    static String timeline(DecisionReport report) {
        List<TimelineBucket> buckets = report.timeline();
        TimeAxes axes =
                axes(report, buckets, TIMELINE_HEIGHT, highest(buckets, TimelineBucket::total));
        StringBuilder svg =
                open(
                        "timeline-chart",
                        axes,
                        "Decisions per "
                                + ReportText.duration(report.bucketWidth())
                                + ", stacked by answering strategy",
                        timelineDescription(report, axes));
        axes.draw(svg, "decisions");
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).total() > 0) {
                bar(svg, axes, i, buckets.get(i));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Fallbacks per bucket as a line, with a point where there were any. */
    static String fallbacks(DecisionReport report) {
        List<TimelineBucket> buckets = report.timeline();
        TimeAxes axes =
                axes(
                        report,
                        buckets,
                        FALLBACKS_HEIGHT,
                        highest(buckets, TimelineBucket::fallbacks));
        StringBuilder svg =
                open(
                        "fallbacks-chart",
                        axes,
                        "Fallbacks per " + ReportText.duration(report.bucketWidth()),
                        fallbacksDescription(report, axes));
        axes.draw(svg, "fallbacks");
        fallbackLine(svg, axes, buckets);
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).fallbacks() > 0) {
                fallbackPoint(svg, axes, i, buckets.get(i));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static TimeAxes axes(
            DecisionReport report, List<TimelineBucket> buckets, int height, long highest) {
        List<Instant> starts = buckets.stream().map(TimelineBucket::start).toList();
        return new TimeAxes(starts, report.bucketWidth(), height, highest);
    }

    private static long highest(List<TimelineBucket> buckets, ToLongFunction<TimelineBucket> of) {
        return buckets.stream().mapToLong(of).max().orElse(0);
    }

    /** The SVG element with its accessible name and description, read out instead of the bars. */
    private static StringBuilder open(String id, TimeAxes axes, String title, String description) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(id)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\" viewBox=\"0 0 ")
                .append(TimeAxes.WIDTH)
                .append(' ')
                .append(axes.height())
                .append("\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(ReportText.escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(ReportText.escape(description))
                .append("</desc>");
    }

    private static String timelineDescription(DecisionReport report, TimeAxes axes) {
        return ReportText.count(report.total())
                + " decisions in "
                + report.timeline().size()
                + " buckets from "
                + ReportText.instant(report.from())
                + " to "
                + ReportText.instant(report.to())
                + "; the y axis goes to "
                + ReportText.count(axes.max())
                + ". Red triangles mark buckets with violations ("
                + ReportText.count(report.violated())
                + " in all).";
    }

    private static String fallbacksDescription(DecisionReport report, TimeAxes axes) {
        long fallbacks = report.fallbacks().values().stream().mapToLong(Long::longValue).sum();
        return ReportText.count(fallbacks)
                + " fallbacks in "
                + report.timeline().size()
                + " buckets from "
                + ReportText.instant(report.from())
                + " to "
                + ReportText.instant(report.to())
                + "; the y axis goes to "
                + ReportText.count(axes.max())
                + ".";
    }

    /** One bucket's bar: a segment per strategy from the bottom up, in the report's name order. */
    private static void bar(StringBuilder svg, TimeAxes axes, int index, TimelineBucket bucket) {
        double width = axes.slot() * BAR_SHARE;
        double x = axes.x(index) + (axes.slot() - width) / 2;
        svg.append("<g class=\"bucket\" data-start=\"")
                .append(ReportText.instant(bucket.start()))
                .append("\"><title>")
                .append(ReportText.escape(barTitle(bucket)))
                .append("</title>");
        long below = 0;
        for (Map.Entry<String, Long> answered : bucket.answered().entrySet()) {
            double top = axes.y(below + answered.getValue());
            svg.append("<rect class=\"segment\" data-strategy=\"")
                    .append(ReportText.escape(answered.getKey()))
                    .append("\" x=\"")
                    .append(coordinate(x))
                    .append("\" y=\"")
                    .append(coordinate(top))
                    .append("\" width=\"")
                    .append(coordinate(width))
                    .append("\" height=\"")
                    .append(coordinate(axes.y(below) - top))
                    .append("\" fill=\"")
                    .append(StrategyColours.of(answered.getKey()))
                    .append("\"/>");
            below += answered.getValue();
        }
        if (bucket.violated() > 0) {
            violationMarker(svg, x + width / 2, axes.y(bucket.total()), bucket.violated());
        }
        svg.append("</g>");
    }

    private static String barTitle(TimelineBucket bucket) {
        String strategies =
                bucket.answered().entrySet().stream()
                        .map(e -> e.getKey() + " " + ReportText.count(e.getValue()))
                        .collect(Collectors.joining(", "));
        return ReportText.instant(bucket.start())
                + ": "
                + ReportText.counted(bucket.total(), "decision")
                + " ("
                + strategies
                + "), "
                + ReportText.counted(bucket.violated(), "violation")
                + ", "
                + ReportText.counted(bucket.fallbacks(), "fallback");
    }

    /** A red triangle pointing down at the bar's top, with the number of violations above it. */
    private static void violationMarker(StringBuilder svg, double centre, double top, long count) {
        double tip = top - 2;
        double base = tip - MARKER_HEIGHT;
        svg.append("<path class=\"violation-marker\" fill=\"")
                .append(StrategyColours.VIOLATION)
                .append("\" d=\"M")
                .append(coordinate(centre - MARKER_WIDTH / 2))
                .append(' ')
                .append(coordinate(base))
                .append(" L")
                .append(coordinate(centre + MARKER_WIDTH / 2))
                .append(' ')
                .append(coordinate(base))
                .append(" L")
                .append(coordinate(centre))
                .append(' ')
                .append(coordinate(tip))
                .append(" Z\"/><text class=\"violation-count\" x=\"")
                .append(coordinate(centre))
                .append("\" y=\"")
                .append(coordinate(base - 3))
                .append("\" text-anchor=\"middle\">")
                .append(ReportText.count(count))
                .append("</text>");
    }

    /** The line through every bucket's count, zeros included, so a quiet stretch reads as such. */
    private static void fallbackLine(
            StringBuilder svg, TimeAxes axes, List<TimelineBucket> buckets) {
        String points =
                IntStream.range(0, buckets.size())
                        .mapToObj(
                                i ->
                                        coordinate(centre(axes, i))
                                                + ","
                                                + coordinate(axes.y(buckets.get(i).fallbacks())))
                        .collect(Collectors.joining(" "));
        svg.append("<polyline class=\"fallback-line\" points=\"").append(points).append("\"/>");
    }

    private static void fallbackPoint(
            StringBuilder svg, TimeAxes axes, int index, TimelineBucket bucket) {
        svg.append("<g class=\"fallback-point\" data-start=\"")
                .append(ReportText.instant(bucket.start()))
                .append("\"><title>")
                .append(ReportText.instant(bucket.start()))
                .append(": ")
                .append(ReportText.counted(bucket.fallbacks(), "fallback"))
                .append("</title><circle cx=\"")
                .append(coordinate(centre(axes, index)))
                .append("\" cy=\"")
                .append(coordinate(axes.y(bucket.fallbacks())))
                .append("\" r=\"")
                .append(coordinate(POINT_RADIUS))
                .append("\"/></g>");
    }

    private static double centre(TimeAxes axes, int index) {
        return axes.x(index) + axes.slot() / 2;
    }
}
