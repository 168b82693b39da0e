package dcl.registry.server;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The monitoring files under deploy/monitoring (the Grafana dashboard and the Prometheus alert
 * rules), read with real parsers, and the metric names their PromQL expressions select.
 */
public final class MonitoringAssets {
    private static final Path ROOT = Path.of("..");
    public static final Path DASHBOARD =
            ROOT.resolve("deploy/monitoring/grafana/dcl-registry.json");
    public static final Path ALERTS = ROOT.resolve("deploy/monitoring/prometheus/dcl-alerts.yaml");
    public static final Path RUNBOOKS = ROOT.resolve("docs/runbooks");

    /** Followed by a parenthesised list of label names, never of series. */
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    /** Aggregations may be followed by {@code by (…)} before their parenthesis. */
    private static final Set<String> AGGREGATIONS =
            Set.of(
                    "sum",
                    "min",
                    "max",
                    "avg",
                    "group",
                    "stddev",
                    "stdvar",
                    "count",
                    "count_values",
                    "bottomk",
                    "topk",
                    "quantile",
                    "limitk",
                    "limit_ratio");

    private static final Set<String> OPERATOR_WORDS =
            Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    /** Grafana's {@code label_values(selector, label)} variable query. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    private MonitoringAssets() {}

    public static JsonObject dashboard() {
        try (Reader reader = Files.newBufferedReader(DASHBOARD, StandardCharsets.UTF_8);
                var json = Json.createReader(reader)) {
            return json.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rule of every group of the alert file, as SnakeYAML reads it. */
    public static List<Map<?, ?>> alertRules() {
        Map<?, ?> file;
        try (Reader reader = Files.newBufferedReader(ALERTS, StandardCharsets.UTF_8)) {
            file = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<?, ?>> rules = new ArrayList<>();
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                rules.add((Map<?, ?>) rule);
            }
        }
        return rules;
    }

    /**
     * Every PromQL expression of both files, keyed by where it is ({@code alert DclErrorRateHigh},
     * {@code panel 'JVM heap' B}, {@code variable group}).
     */
    public static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map<?, ?> rule : alertRules()) {
            expressions.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr")));
        }
        JsonObject dashboard = dashboard();
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            panelExpressions(panel.asJsonObject(), expressions);
        }
        for (JsonValue variable : dashboard.getJsonObject("templating").getJsonArray("list")) {
            JsonObject query = variable.asJsonObject().getJsonObject("query");
            Matcher labelValues = LABEL_VALUES.matcher(query.getString("query"));
            if (!labelValues.matches()) {
                // its series would go unchecked: teach this class the new kind of query
                throw new IllegalStateException(
                        "not a label_values query: " + query.getString("query"));
            }
            expressions.put(
                    "variable " + variable.asJsonObject().getString("name"), labelValues.group(1));
        }
        return expressions;
    }

    /** Rows nest their panels; every target's expression counts. */
    private static void panelExpressions(JsonObject panel, Map<String, String> expressions) {
        for (JsonValue target : arrayOrEmpty(panel, "targets")) {
            JsonObject t = target.asJsonObject();
            expressions.put(
                    "panel '" + panel.getString("title") + "' " + t.getString("refId"),
                    t.getString("expr"));
        }
        for (JsonValue nested : arrayOrEmpty(panel, "panels")) {
            panelExpressions(nested.asJsonObject(), expressions);
        }
    }

    private static JsonArray arrayOrEmpty(JsonObject object, String member) {
        return object.containsKey(member)
                ? object.getJsonArray(member)
                : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Each metric name both files select, with the places that select it. */
    public static Map<String, List<String>> metricUses() {
        Map<String, List<String>> uses = new TreeMap<>();
        expressions()
                .forEach(
                        (where, expr) -> {
                            for (String name : metricNames(expr)) {
                                uses.computeIfAbsent(name, n -> new ArrayList<>()).add(where);
                            }
                        });
        return uses;
    }

    /**
     * The series names an expression selects: identifiers that are not functions, aggregations,
     * operators, label names (inside {@code {…}} or after {@code by}/{@code on}…), strings,
     * numbers, durations (inside {@code […]}) or Grafana variables ({@code $name}).
     */
    public static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expr, i);
            } else if (c == '{') {
                i = afterClosing(expr, i, '}');
            } else if (c == '[') {
                i = afterClosing(expr, i, ']');
            } else if (c == '$' || Character.isDigit(c)) {
                i = afterWord(expr, i + 1);
            } else if (isWordStart(c)) {
                int end = afterWord(expr, i);
                String word = expr.substring(i, end);
                int next = skipSpaces(expr, end);
                boolean call = next < expr.length() && expr.charAt(next) == '(';
                if (LABEL_LIST_KEYWORDS.contains(word)) {
                    end = call ? afterClosing(expr, next, ')') : end;
                } else if (!call
                        && !AGGREGATIONS.contains(word)
                        && !OPERATOR_WORDS.contains(word)) {
                    names.add(word);
                }
                i = end;
            } else {
                i++;
            }
        }
        return names;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static int afterWord(String expr, int from) {
        int i = from;
        while (i < expr.length()
                && (Character.isLetterOrDigit(expr.charAt(i))
                        || expr.charAt(i) == '_'
                        || expr.charAt(i) == ':'
                        || expr.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String expr, int from) {
        int i = from;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    /** After the quote that closes the string opened at {@code open} (backslash escapes). */
    private static int afterString(String expr, int open) {
        char quote = expr.charAt(open);
        int i = open + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /** After the bracket that closes the one at {@code open}, stepping over strings inside. */
    private static int afterClosing(String expr, int open, char closing) {
        char opening = expr.charAt(open);
        int depth = 0;
        int i = open;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = afterString(expr, i);
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
