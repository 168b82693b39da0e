package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A canonical schema's words, computed once: every proposal compares a source field against every
 * canonical field, and splitting, folding and stemming a 1,000-field model for each proposal would
 * cost more than the comparison itself. The last few schemas' profiles are kept ({@link
 * RecentSchemas}).
 */
public final class CanonicalProfile {
    private static final RecentSchemas<CanonicalProfile> RECENT = new RecentSchemas<>(64);

    /** An entity's words: its name, and its name, description and field names together. */
    public record EntityWords(
            CanonicalEntity entity, Set<String> words, String joined, Set<String> text) {}

    /** A canonical field's words, ready to compare. */
    public record FieldWords(
            CanonicalField target,
            EntityWords entity,
            CanonicalFieldDefinition definition,
            Set<String> words,
            String joined,
            Set<String> qualified,
            Set<String> text,
            Set<String> values) {}

    private final CanonicalSchema schema;
    private final Set<String> vocabulary;
    private final List<FieldWords> fields;

    private CanonicalProfile(CanonicalSchema schema) {
        this.schema = schema;
        this.vocabulary = vocabularyOf(schema);
        List<FieldWords> all = new ArrayList<>();
        for (CanonicalEntity entity : schema.entities()) {
            List<String> entityStems = Names.stems(Names.words(entity.name()));
            Set<String> entityText = new LinkedHashSet<>(entityStems);
            entity.description().ifPresent(d -> entityText.addAll(describedBy(d)));
            entity.fields().forEach(f -> entityText.addAll(Names.stems(Names.words(f.name()))));
            EntityWords entityWords =
                    new EntityWords(
                            entity,
                            Set.copyOf(new LinkedHashSet<>(entityStems)),
                            String.join("", new LinkedHashSet<>(entityStems)),
                            Set.copyOf(entityText));
            for (CanonicalFieldDefinition field : entity.fields()) {
                List<String> stems = wordsOf(field.name());
                Set<String> qualified = new LinkedHashSet<>(entityStems);
                qualified.addAll(stems);
                Set<String> text = new LinkedHashSet<>(qualified);
                Set<String> values =
                        new LinkedHashSet<>(
                                field.description()
                                        .map(CanonicalProfile::describedBy)
                                        .orElse(Set.of()));
                text.addAll(values);
                values.addAll(
                        SampleValues.words(
                                field.enumValues(), CanonicalFieldDefinition.MAX_VALUES));
                all.add(
                        new FieldWords(
                                new CanonicalField(entity.name(), field.name()),
                                entityWords,
                                field,
                                Set.copyOf(new LinkedHashSet<>(stems)),
                                String.join("", stems),
                                Set.copyOf(qualified),
                                Set.copyOf(text),
                                Set.copyOf(values)));
            }
        }
        this.fields = List.copyOf(all);
    }

    /**
     * The words the schema spells out: its descriptions', its entities' names', and those of its
     * field names that stand apart (by case or underscore). A name run together ({@code
     * encounterid}) is split into them.
     */
    private static Set<String> vocabularyOf(CanonicalSchema schema) {
        Set<String> words = new HashSet<>(Set.of("id"));
        for (CanonicalEntity entity : schema.entities()) {
            words.addAll(Names.rawWords(entity.name()));
            entity.description().ifPresent(d -> words.addAll(Names.rawWords(d)));
            for (CanonicalFieldDefinition field : entity.fields()) {
                List<String> parts = Names.rawWords(field.name());
                if (parts.size() > 1) {
                    words.addAll(parts);
                }
                field.description().ifPresent(d -> words.addAll(Names.rawWords(d)));
            }
        }
        words.removeIf(w -> w.length() < 2 || w.chars().allMatch(Character::isDigit));
        return Set.copyOf(words);
    }

    /** A source or canonical name's stems, a run-together name split by the schema's words. */
    public List<String> wordsOf(String name) {
        return Names.stems(Names.words(name, vocabulary));
    }

    /**
     * The profile of a tenant's schema, computed at most once while it is among the recent ones.
     */
    public static CanonicalProfile of(TenantId tenant, CanonicalSchema schema) {
        return RECENT.of(tenant, schema, CanonicalProfile::new);
    }

    static Set<String> describedBy(String text) {
        return new LinkedHashSet<>(Names.stems(List.copyOf(Names.contentWords(text))));
    }

    public CanonicalSchema schema() {
        return schema;
    }

    /** Every canonical field, in schema order. */
    public List<FieldWords> fields() {
        return fields;
    }

    public Optional<FieldWords> field(CanonicalField target) {
        return fields.stream().filter(f -> f.target().equals(target)).findFirst();
    }
}
