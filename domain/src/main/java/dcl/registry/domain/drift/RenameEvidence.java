package dcl.registry.domain.drift;

import dcl.registry.domain.intelligence.DeclaredTypes;
import dcl.registry.domain.intelligence.Names;
import dcl.registry.domain.intelligence.ValueKind;
import dcl.registry.domain.model.SourceField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How likely a new field is the old one renamed: name similarity (words and spelling), whether the
 * new field's values fit the type of the canonical field the old one fed, and whether the declared
 * types agree.
 */
public record RenameEvidence(double name, double typeFit, double score) {
    private static final double NAME_WEIGHT = 0.7;
    private static final double TYPE_WEIGHT = 0.3;
    private static final double CONTAINMENT_WEIGHT = 0.85;

    public static RenameEvidence of(
            SourceField oldField, ObservedField now, Optional<String> canonicalType) {
        List<String> oldWords = Names.words(oldField.name());
        List<String> newWords = Names.words(now.name().name());
        LinkedHashSet<String> before = new LinkedHashSet<>(oldWords);
        LinkedHashSet<String> after = new LinkedHashSet<>(newWords);
        LinkedHashSet<String> shared = new LinkedHashSet<>(before);
        shared.retainAll(after);
        // "amount" → "deal_amount": every word of the shorter name kept counts for much, if less
        // than the same name
        double containment =
                before.isEmpty() || after.isEmpty()
                        ? 0
                        : (double) shared.size() / Math.min(before.size(), after.size());
        double name =
                Math.max(
                        Math.max(Names.jaccard(before, after), CONTAINMENT_WEIGHT * containment),
                        Names.similarity(String.join("", oldWords), String.join("", newWords)));
        double typeFit = ValueKind.of(now.samples()).map(k -> k.fit(canonicalType)).orElse(1.0);
        if (now.type().isPresent() && canonicalType.isPresent()) {
            typeFit =
                    Math.min(
                            typeFit, compatible(now.type().get(), canonicalType.get()) ? 1.0 : 0.5);
        }
        return new RenameEvidence(
                name,
                typeFit,
                Math.round((NAME_WEIGHT * name + TYPE_WEIGHT * typeFit) * 1000) / 1000.0);
    }

    private static boolean compatible(String declared, String canonical) {
        String a = declared.toLowerCase(Locale.ROOT);
        String b = canonical.toLowerCase(Locale.ROOT);
        return a.equals(b)
                || a.contains(b)
                || b.contains(a)
                || (DeclaredTypes.isNumeric(a) && DeclaredTypes.isNumeric(b))
                || (a.startsWith("date") && b.startsWith("date"));
    }

    public String explain() {
        return String.format(Locale.ROOT, "name similarity %.2f, type fit %.2f", name, typeFit);
    }
}
