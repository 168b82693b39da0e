package dcl.registry.adapters.rest.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The frame of a chart over the report's timeline: one slot per bucket along x, counts up y from 0
 * to a round maximum, with grid lines, the counts labelled (the maximum among them) and the
 * buckets' start times (UTC) under the x axis. Coordinates are the SVG's own units ({@link #WIDTH}
 * wide); the page scales the SVG to its column.
 */
final class TimeAxes {
    static final int WIDTH = 1160;

    /** Room for the count labels on the left and the time labels and axis title below. */
    private static final int LEFT = 64;

    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 52;

    /** About this many time labels fit without touching each other. */
    private static final int MOST_TIME_LABELS = 8;

    /** About this many grid lines keep the chart readable. */
    private static final int GRID_LINES = 4;

    private final List<Instant> starts;
    private final Duration bucketWidth;
    private final int height;
    private final long step;
    private final long max;

    /**
     * @param starts each bucket's start, in order
     * @param highest the largest count to show (0 is fine: the axis still goes to 1)
     */
    TimeAxes(List<Instant> starts, Duration bucketWidth, int height, long highest) {
        this.starts = List.copyOf(starts);
        this.bucketWidth = bucketWidth;
        this.height = height;
        this.step = roundStep(highest);
        this.max = Math.max(step, ceilToMultiple(highest, step));
    }

    /**
     * A grid step of 1, 2 or 5 times a power of ten, the smallest that covers {@code highest} in
     * {@link #GRID_LINES} steps: counts are whole, so the labels are too.
     */
    private static long roundStep(long highest) {
        for (long power = 1; ; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power * GRID_LINES >= highest) {
                    return factor * power;
                }
            }
        }
    }

    private static long ceilToMultiple(long value, long step) {
        return (value + step - 1) / step * step;
    }

    /** The top of the y axis: a whole number of grid steps at or above the highest count. */
    long max() {
        return max;
    }

    int height() {
        return height;
    }

    /** The width of one bucket's slot. */
    double slot() {
        return (double) (WIDTH - LEFT - RIGHT) / starts.size();
    }

    /** The left edge of a bucket's slot. */
    double x(int bucket) {
        return LEFT + bucket * slot();
    }

    /** Where a count sits on the y axis. */
    double y(long count) {
        return baseline() - (double) count / max * (baseline() - TOP);
    }

    private double baseline() {
        return height - BOTTOM;
    }

    /** Grid, count labels, time labels and the axis titles. */
    void draw(StringBuilder svg, String countName) {
        svg.append("<g class=\"axes\">");
        drawCounts(svg, countName);
        drawTimes(svg);
        svg.append("</g>");
    }

    private void drawCounts(StringBuilder svg, String countName) {
        for (long count = 0; count <= max; count += step) {
            double y = y(count);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, count == 0 ? "axis-line" : "grid-line"))
                    .append(text(LEFT - 8, y + 4, "end", ReportText.count(count), "count-label"));
        }
        svg.append(text(LEFT - 8, TOP - 12, "end", countName, "axis-title"));
    }

    private void drawTimes(StringBuilder svg) {
        int every = Math.max(1, (starts.size() + MOST_TIME_LABELS - 1) / MOST_TIME_LABELS);
        for (int i = 0; i < starts.size(); i += every) {
            double x = x(i);
            svg.append(line(x, baseline(), x, baseline() + 5, "axis-line"))
                    .append(
                            text(
                                    x,
                                    baseline() + 19,
                                    "middle",
                                    ReportText.axisTime(starts.get(i), bucketWidth),
                                    "time-label"));
        }
        svg.append(
                text(
                        (LEFT + WIDTH - RIGHT) / 2.0,
                        height - 10.0,
                        "middle",
                        "time (UTC), in buckets of " + ReportText.duration(bucketWidth),
                        "axis-title"));
    }

    /** An SVG coordinate: one decimal is finer than a pixel at any width the page has. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String line(double x1, double y1, double x2, double y2, String className) {
        return "<line class=\""
                + className
                + "\" x1=\""
                + coordinate(x1)
                + "\" y1=\""
                + coordinate(y1)
                + "\" x2=\""
                + coordinate(x2)
                + "\" y2=\""
                + coordinate(y2)
                + "\"/>";
    }

    private static String text(double x, double y, String anchor, String text, String className) {
        return "<text class=\""
                + className
                + "\" x=\""
                + coordinate(x)
                + "\" y=\""
                + coordinate(y)
                + "\" text-anchor=\""
                + anchor
                + "\">"
                + ReportText.escape(text)
                + "</text>";
    }
}
