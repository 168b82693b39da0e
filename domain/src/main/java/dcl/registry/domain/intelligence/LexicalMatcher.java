package dcl.registry.domain.intelligence;

import dcl.registry.domain.canonical.CanonicalEntity;
import dcl.registry.domain.canonical.CanonicalFieldDefinition;
import dcl.registry.domain.canonical.CanonicalSchema;
import dcl.registry.domain.model.CanonicalField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks canonical fields for a source field by names alone (no model, no network): the field's
 * words against each candidate's, the table against the entity, descriptions against descriptions,
 * and the sample values' kind against the declared type.
 */
public final class LexicalMatcher {
    private static final double FIELD = 0.55;
    private static final double ENTITY = 0.35;
    private static final double DESCRIPTION = 0.45;

    private LexicalMatcher() {}

    public static List<Candidate> rank(CanonicalSchema schema, ProposalRequest request, int limit) {
        List<String> fieldWords = Names.stems(Names.words(request.source().field().name()));
        Set<String> fieldSet = new LinkedHashSet<>(fieldWords);
        String fieldJoined = String.join("", fieldWords);
        Set<String> tableWords =
                new LinkedHashSet<>(Names.stems(Names.words(request.source().table().name())));
        Set<String> described = new LinkedHashSet<>();
        request.description()
                .ifPresent(d -> described.addAll(Names.stems(List.copyOf(Names.contentWords(d)))));
        if (!described.isEmpty()) {
            described.addAll(fieldWords);
        }
        Set<String> tableDescribed =
                request.tableDescription()
                        .map(d -> Set.copyOf(Names.stems(List.copyOf(Names.contentWords(d)))))
                        .orElse(Set.of());
        Optional<ValueKind> kind = ValueKind.of(request.samples());

        List<Candidate> candidates = new ArrayList<>();
        for (CanonicalEntity entity : schema.entities()) {
            Set<String> entityWords = new LinkedHashSet<>(Names.stems(Names.words(entity.name())));
            double entityScore =
                    Math.max(
                            Names.jaccard(tableWords, entityWords),
                            Names.similarity(
                                    String.join("", tableWords), String.join("", entityWords)));
            if (!tableDescribed.isEmpty()) {
                Set<String> entityText = new LinkedHashSet<>(entityWords);
                entity.description()
                        .ifPresent(
                                d ->
                                        entityText.addAll(
                                                Names.stems(List.copyOf(Names.contentWords(d)))));
                entity.fields().forEach(f -> entityText.addAll(Names.stems(Names.words(f.name()))));
                entityScore =
                        Math.max(entityScore, 0.8 * Names.jaccard(tableDescribed, entityText) * 2);
            }
            for (CanonicalFieldDefinition field : entity.fields()) {
                List<String> candidateWords = Names.stems(Names.words(field.name()));
                double nameScore =
                        Math.max(
                                Names.jaccard(fieldSet, new LinkedHashSet<>(candidateWords)),
                                Names.similarity(fieldJoined, String.join("", candidateWords)));
                // "contact_email" in a contacts table, or "email" for contact.email: the entity's
                // words count too
                Set<String> qualified = new LinkedHashSet<>(entityWords);
                qualified.addAll(candidateWords);
                nameScore = Math.max(nameScore, 0.95 * Names.jaccard(fieldSet, qualified));
                double descriptionScore = 0;
                if (!described.isEmpty()) {
                    Set<String> candidateText = new LinkedHashSet<>(candidateWords);
                    candidateText.addAll(entityWords);
                    field.description()
                            .ifPresent(
                                    d ->
                                            candidateText.addAll(
                                                    Names.stems(
                                                            List.copyOf(Names.contentWords(d)))));
                    descriptionScore = Math.min(1.0, 2 * Names.jaccard(described, candidateText));
                }
                double weightDescription = described.isEmpty() ? 0 : DESCRIPTION;
                double score =
                        (FIELD * nameScore
                                        + ENTITY * Math.min(1.0, entityScore)
                                        + weightDescription * descriptionScore)
                                / (FIELD + ENTITY + weightDescription);
                double fit = kind.map(k -> k.fit(field.type())).orElse(1.0);
                score *= fit;
                candidates.add(
                        new Candidate(
                                new CanonicalField(entity.name(), field.name()),
                                round(score),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "name %.2f, table~entity %.2f, description %.2f, type fit"
                                                + " %.2f",
                                        nameScore,
                                        Math.min(1.0, entityScore),
                                        descriptionScore,
                                        fit)));
            }
        }
        candidates.sort(
                Comparator.comparingDouble(Candidate::score)
                        .reversed()
                        .thenComparing(c -> c.target().toString()));
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
