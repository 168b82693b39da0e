package dcl.registry.adapters.rest.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the decision report's page writes text and numbers: escaped, in UTC, in English. */
final class ReportText {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_AND_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH_DAY_AND_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportText() {}

    /**
     * Text from data as HTML (element content and quoted attribute values alike): tenant ids, field
     * names, reasons and strategy names may hold markup.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A count with thousands separated: {@code 12,954}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count and its noun, plural but for one: {@code 1 decision}, {@code 3 decisions}. */
    static String counted(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The share {@code part / whole} as a percentage with one decimal, rounded down so that a
     * single violation among many never reads as {@code 100.0 %}; a dash for a share of nothing.
     */
    static String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        long tenths = Math.multiplyExact(part, 1000) / whole;
        return tenths / 10 + "." + tenths % 10 + " %";
    }

    /** An instant as ISO 8601 in UTC: {@code 2025-03-01T14:00:00Z}. */
    static String instant(Instant at) {
        return at.toString();
    }

    /** An instant to the second in UTC, date and time apart: {@code 2025-03-01 14:03:07}. */
    static String dateAndTime(Instant at) {
        return DATE_AND_TIME.format(at);
    }

    /**
     * A time axis label: the date for buckets of a day or more, else month, day and time (the
     * period may cross midnight, so the time alone would repeat).
     */
    static String axisTime(Instant at, Duration bucketWidth) {
        return bucketWidth.compareTo(Duration.ofDays(1)) >= 0
                ? DAY.format(at)
                : MONTH_DAY_AND_TIME.format(at);
    }

    /** A duration in words: {@code 15 minutes}, {@code 1 hour}, {@code 2 hours 13 minutes}. */
    static String duration(Duration d) {
        List<String> parts = new ArrayList<>();
        addPart(parts, d.toDaysPart(), "day");
        addPart(parts, d.toHoursPart(), "hour");
        addPart(parts, d.toMinutesPart(), "minute");
        addPart(parts, d.toSecondsPart(), "second");
        return parts.isEmpty() ? "under a second" : String.join(" ", parts);
    }

    private static void addPart(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
