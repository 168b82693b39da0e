package dcl.registry.domain.intelligence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    /** The word evidence for one canonical field: each part in [0, 1]. */
    public record Evidence(
            CanonicalProfile.FieldWords field,
            double name,
            double entity,
            double description,
            double typeFit) {

        /** The lexical strategy's score: the parts weighted, times the type fit. */
        public double score() {
            double weightDescription = description < 0 ? 0 : DESCRIPTION;
            return (FIELD * name + ENTITY * entity + weightDescription * Math.max(0, description))
                    / (FIELD + ENTITY + weightDescription)
                    * typeFit;
        }

        String reasoning() {
            return String.format(
                    Locale.ROOT,
                    "name %.2f, table~entity %.2f, description %.2f, type fit %.2f",
                    name,
                    entity,
                    Math.max(0, description),
                    typeFit);
        }
    }

    public static List<Candidate> rank(ProposalContext context, int limit) {
        List<Candidate> candidates = new ArrayList<>();
        for (Evidence e :
                evidence(
                        CanonicalProfile.of(context.tenant(), context.schema()),
                        context.request())) {
            candidates.add(new Candidate(e.field().target(), round(e.score()), e.reasoning()));
        }
        candidates.sort(
                Comparator.comparingDouble(Candidate::score)
                        .reversed()
                        .thenComparing(c -> c.target().toString()));
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    /**
     * The evidence for every canonical field of the profile, in schema order; {@code description}
     * is -1 when the request has no description to compare.
     */
    public static List<Evidence> evidence(CanonicalProfile profile, ProposalRequest request) {
        List<String> fieldWords = profile.wordsOf(request.source().field().name());
        Set<String> fieldSet = new LinkedHashSet<>(fieldWords);
        String fieldJoined = String.join("", fieldWords);
        Set<String> tableWords =
                new LinkedHashSet<>(profile.wordsOf(request.source().table().name()));
        String tableJoined = String.join("", tableWords);
        Set<String> described = new LinkedHashSet<>();
        request.description().ifPresent(d -> described.addAll(CanonicalProfile.describedBy(d)));
        if (!described.isEmpty()) {
            described.addAll(fieldWords);
        }
        Set<String> tableDescribed =
                request.tableDescription().map(CanonicalProfile::describedBy).orElse(Set.of());
        Optional<ValueKind> kind = ValueKind.of(request.samples());

        // by identity: a profile holds one EntityWords per entity, and hashing an entity (with its
        // fields) for each of 1,000 candidates cost more than scoring it
        IdentityHashMap<CanonicalProfile.EntityWords, Double> entityScores =
                new IdentityHashMap<>();
        List<Evidence> evidence = new ArrayList<>(profile.fields().size());
        for (CanonicalProfile.FieldWords field : profile.fields()) {
            double entityScore =
                    entityScores.computeIfAbsent(
                            field.entity(),
                            e -> entityScore(e, tableWords, tableJoined, tableDescribed));
            double nameScore =
                    Math.max(
                            Names.jaccard(fieldSet, field.words()),
                            Names.similarity(fieldJoined, field.joined()));
            // "contact_email" in a contacts table, or "email" for contact.email: the entity's
            // words count too
            nameScore = Math.max(nameScore, 0.95 * Names.jaccard(fieldSet, field.qualified()));
            double descriptionScore =
                    described.isEmpty()
                            ? -1
                            : Math.min(1.0, 2 * Names.jaccard(described, field.text()));
            double fit = kind.map(k -> k.fit(field.definition().type())).orElse(1.0);
            evidence.add(new Evidence(field, nameScore, entityScore, descriptionScore, fit));
        }
        return evidence;
    }

    private static double entityScore(
            CanonicalProfile.EntityWords entity,
            Set<String> tableWords,
            String tableJoined,
            Set<String> tableDescribed) {
        double score =
                Math.max(
                        Names.jaccard(tableWords, entity.words()),
                        Names.similarity(tableJoined, entity.joined()));
        if (!tableDescribed.isEmpty()) {
            score = Math.max(score, 0.8 * Names.jaccard(tableDescribed, entity.text()) * 2);
        }
        return Math.min(1.0, score);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
