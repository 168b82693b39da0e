package dcl.registry.domain.intelligence;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence a proposal weighs for each canonical field, each a number in [0, 1] (the re-ranker's
 * inputs). Names are the keys of the shipped model file and of the reasoning a reviewer reads.
 */
public enum MatchFeature {
    /** The field's words against the candidate's (word overlap or letters alike). */
    NAME(0),
    /** The field's words are exactly the candidate's. */
    SAME_NAME(1),
    /** The source table against the candidate's entity (names, or the table's description). */
    TABLE_ENTITY(2),
    /** The field's description against the candidate's name and description. */
    DESCRIPTION(3),
    /** Sentence-embedding similarity of the field (with its description) and the candidate. */
    MEANING(4),
    /** 1 / rank of the candidate by meaning. */
    MEANING_RANK(5),
    /** 1 / rank of the candidate by words. */
    WORDS_RANK(6),
    /** The sample values' kind does not fit the candidate's declared type. */
    TYPE_MISMATCH(7),
    /** The sample values appear among the candidate's listed or described values. */
    VALUES(8),
    /**
     * Share of the tenant's same-named known fields (any connector or table) mapped to a field of
     * the candidate's name (in whichever entity: the table says which).
     */
    KNOWN_NAME(9),
    /** How alike the most similar known mapping to this candidate reads (0 below 0.5). */
    KNOWN_MEANING(10),
    /** Share of the same table's known fields mapped into the candidate's entity. */
    KNOWN_TABLE(11),
    /** Sentence-embedding similarity of the source table and the candidate's entity. */
    ENTITY_MEANING(12),
    /** 1 / rank of the candidate's entity by that similarity. */
    ENTITY_MEANING_RANK(13),
    /** The lexical strategy's own score: words, table, description and type fit together. */
    LEXICAL(14),
    /**
     * Sentence-embedding similarity of the field alone (its words and description, without its
     * table) and the candidate alone (without its entity): what the field means wherever it sits,
     * so that a misleading table name does not drag the field's meaning with it.
     */
    FIELD_MEANING(15),
    /** 1 / rank of the candidate by that similarity. */
    FIELD_MEANING_RANK(16),
    /**
     * Share of the tenant's same-named known fields mapped to exactly this candidate, entity and
     * field: a study's {@code tumor_site} known as {@code diagnosis.primary_site} says which of
     * several {@code primary_site} fields another study's {@code tumor_site} is, whatever its
     * table.
     */
    KNOWN_TARGET(17);

    /** The evidence drawn from the tenant's known mappings rather than from the request. */
    public static final Set<MatchFeature> FROM_KNOWN_MAPPINGS =
            Collections.unmodifiableSet(
                    EnumSet.of(KNOWN_NAME, KNOWN_MEANING, KNOWN_TABLE, KNOWN_TARGET));

    private final int index;

    MatchFeature(int index) {
        this.index = index;
    }

    /** The feature's position in a feature vector and among a model's weights. */
    public int index() {
        return index;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MatchFeature> parse(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }

    /** The feature at a position of a feature vector. */
    public static MatchFeature at(int index) {
        return Arrays.stream(values())
                .filter(f -> f.index == index)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feature " + index));
    }

    public static int count() {
        return values().length;
    }
}
