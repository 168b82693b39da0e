package dcl.registry.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The naive floor of the bench README, computed in the same run: token Jaccard plus sequence ratio
 * ({@link SequenceRatio}) of field, table and description names. A canonical field scores {@code
 * sim(field, its name) + ½·sim(table, its entity) + ½·sim(description, its description)} (the last
 * when both have one), with {@code sim = ½·jaccard(tokens) + ½·ratio(normalised names)}. In warm
 * mode every field the tenant knows also stands for its target: a target scores at least the {@code
 * sim} of the asked field's name to the most similar known field mapped to it. No learned weights,
 * nothing tuned on single cases.
 */
final class NaiveBaseline {
    private final Map<String, Text[]> targets = new LinkedHashMap<>(); // entity.field → texts
    private final Map<String, List<Text>> known = new LinkedHashMap<>(); // entity.field → fields

    /** Normalised text: lower-case words (camelCase and punctuation split) and their set. */
    private record Text(String joined, Set<String> tokens) {
        static Text of(String raw) {
            String spaced = raw == null ? "" : raw.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
            List<String> words =
                    Arrays.stream(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                            .filter(w -> !w.isEmpty())
                            .toList();
            return new Text(String.join(" ", words), new HashSet<>(words));
        }

        double sim(Text other) {
            Set<String> union = new HashSet<>(tokens);
            union.addAll(other.tokens);
            Set<String> common = new HashSet<>(tokens);
            common.retainAll(other.tokens);
            double jaccard = union.isEmpty() ? 0 : (double) common.size() / union.size();
            return 0.5 * jaccard + 0.5 * SequenceRatio.ratio(joined, other.joined);
        }
    }

    /** {@code entities}: the file's canonical model ({@code {entity: [{name, description?}]}}). */
    NaiveBaseline(JsonObject entities) {
        entities.forEach(
                (entity, fields) -> {
                    for (JsonValue f : fields.asJsonArray()) {
                        JsonObject field = f.asJsonObject();
                        targets.put(
                                entity + "." + field.getString("name"),
                                new Text[] {
                                    Text.of(field.getString("name")),
                                    Text.of(entity),
                                    Text.of(field.getString("description", null))
                                });
                    }
                });
    }

    /** Warm mode: a source field the tenant knows, mapped to {@code target} (entity.field). */
    void know(String field, String target) {
        known.computeIfAbsent(target, t -> new ArrayList<>()).add(Text.of(field));
    }

    /** Every target, best first (ties keep the model's order). */
    List<String> rank(String field, String table, String description) {
        Text f = Text.of(field);
        Text t = Text.of(table);
        Text d = Text.of(description);
        Map<String, Double> score = new LinkedHashMap<>();
        targets.forEach(
                (key, c) ->
                        score.put(
                                key,
                                f.sim(c[0])
                                        + 0.5 * t.sim(c[1])
                                        + (d.joined.isEmpty() || c[2].joined.isEmpty()
                                                ? 0
                                                : 0.5 * d.sim(c[2]))));
        known.forEach(
                (key, fields) -> {
                    double best = fields.stream().mapToDouble(f::sim).max().orElse(0);
                    score.merge(key, best, Math::max);
                });
        return score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
