package dcl.registry.domain.intelligence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How names and descriptions become comparable words: camelCase, snake_case, dots and dashes split;
 * connector decorations ({@code hs_}, {@code __c}, {@code _value}) dropped; plurals and common
 * abbreviations folded to one form.
 */
public final class Names {
    private static final Map<String, String> SYNONYMS =
            Map.ofEntries(
                    Map.entry("addr", "address"),
                    Map.entry("amt", "amount"),
                    Map.entry("qty", "quantity"),
                    Map.entry("num", "number"),
                    Map.entry("nbr", "number"),
                    Map.entry("no", "number"),
                    Map.entry("tel", "phone"),
                    Map.entry("telephone", "phone"),
                    Map.entry("cell", "mobile"),
                    Map.entry("mail", "email"),
                    Map.entry("desc", "description"),
                    Map.entry("descr", "description"),
                    Map.entry("dt", "date"),
                    Map.entry("ts", "time"),
                    Map.entry("timestamp", "time"),
                    Map.entry("datetime", "time"),
                    Map.entry("at", "time"),
                    Map.entry("cnt", "count"),
                    Map.entry("fname", "first"),
                    Map.entry("firstname", "first"),
                    Map.entry("given", "first"),
                    Map.entry("lname", "last"),
                    Map.entry("lastname", "last"),
                    Map.entry("surname", "last"),
                    Map.entry("family", "last"),
                    Map.entry("zip", "postal"),
                    Map.entry("zipcode", "postal"),
                    Map.entry("postcode", "postal"),
                    Map.entry("org", "company"),
                    Map.entry("organization", "company"),
                    Map.entry("organisation", "company"),
                    Map.entry("employer", "company"),
                    Map.entry("created", "create"),
                    Map.entry("creation", "create"),
                    Map.entry("updated", "update"),
                    Map.entry("modified", "update"),
                    Map.entry("modify", "update"),
                    Map.entry("lastmodified", "update"),
                    Map.entry("identifier", "id"),
                    Map.entry("key", "id"),
                    Map.entry("uuid", "id"),
                    Map.entry("guid", "id"),
                    Map.entry("deal", "opportunity"),
                    Map.entry("deals", "opportunity"),
                    Map.entry("opp", "opportunity"),
                    Map.entry("person", "contact"),
                    Map.entry("people", "contact"),
                    Map.entry("customer", "account"),
                    Map.entry("case", "ticket"),
                    Map.entry("issue", "ticket"),
                    Map.entry("value", "amount"),
                    Map.entry("pipeline", "stage"),
                    Map.entry("dealstage", "stage"),
                    Map.entry("stagename", "stage"),
                    Map.entry("jobtitle", "title"),
                    Map.entry("url", "website"),
                    Map.entry("web", "website"),
                    Map.entry("site", "website"),
                    Map.entry("homepage", "website"),
                    Map.entry("assigned", "owner"),
                    Map.entry("sex", "gender"),
                    Map.entry("birthdate", "birth"),
                    Map.entry("dob", "birth"),
                    Map.entry("born", "birth"));

    private static final Set<String> DECORATIONS = Set.of("hs", "c", "x", "custom", "fld", "col");
    private static final Set<String> STOPWORDS =
            Set.of(
                    "a",
                    "an",
                    "the",
                    "of",
                    "for",
                    "to",
                    "in",
                    "on",
                    "and",
                    "or",
                    "is",
                    "are",
                    "was",
                    "be",
                    "by",
                    "with",
                    "as",
                    "this",
                    "that",
                    "it",
                    "its",
                    "from",
                    "which",
                    "each",
                    "all",
                    "any",
                    "if",
                    "when",
                    "used",
                    "use",
                    "table",
                    "field",
                    "record",
                    "records",
                    "given",
                    "unique",
                    "refers",
                    "foreign",
                    "value",
                    "values",
                    "data",
                    "information");

    private Names() {}

    /**
     * The words of a name: split, lower-cased, decorations dropped, plurals and synonyms folded.
     */
    public static List<String> words(String name) {
        // with no vocabulary, no word is split
        return words(name, Set.of());
    }

    /**
     * As {@link #words}, with each word that is not itself in {@code vocabulary} split into two or
     * three that are, where it can be: {@code encounterid} into {@code encounter id}, {@code
     * quantityonhand} into {@code quantity on hand}, when a schema's descriptions use those words.
     */
    public static List<String> words(String name, Set<String> vocabulary) {
        List<String> words = new ArrayList<>();
        for (String raw : rawWords(name)) {
            for (String part : segmented(raw, vocabulary)) {
                if (!DECORATIONS.contains(part)) {
                    words.add(fold(part));
                }
            }
        }
        return words;
    }

    /** A name's lower-cased words before folding. */
    static List<String> rawWords(String name) {
        if (name == null) {
            return List.of();
        }
        String spaced =
                name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                        .replaceAll("[^A-Za-z0-9]+", " ")
                        .toLowerCase(Locale.ROOT)
                        .strip();
        return Arrays.stream(spaced.split(" ")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * The fewest words of the vocabulary (two or three) that spell a word, the word itself when
     * none do. Of the splits after each first word, the one whose shortest word is longest wins;
     * the rest of a three-word split is the first two-word split of what follows the first word.
     */
    static List<String> segmented(String word, Set<String> vocabulary) {
        if (word.length() < 5 || vocabulary.contains(word)) {
            return List.of(word);
        }
        List<String> best = List.of(word);
        for (int i = 2; i <= word.length() - 2; i++) {
            String head = word.substring(0, i);
            if (!vocabulary.contains(head)) {
                continue;
            }
            String tail = word.substring(i);
            List<String> split =
                    vocabulary.contains(tail)
                            ? List.of(head, tail)
                            : twoOf(tail, vocabulary)
                                    .map(t -> List.of(head, t.get(0), t.get(1)))
                                    .orElse(null);
            if (split != null && (best.size() == 1 || better(split, best))) {
                best = split;
            }
        }
        return best;
    }

    private static Optional<List<String>> twoOf(String word, Set<String> vocabulary) {
        for (int i = 2; i <= word.length() - 2; i++) {
            if (vocabulary.contains(word.substring(0, i))
                    && vocabulary.contains(word.substring(i))) {
                return Optional.of(List.of(word.substring(0, i), word.substring(i)));
            }
        }
        return Optional.empty();
    }

    private static boolean better(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        int shortestA = a.stream().mapToInt(String::length).min().orElse(0);
        int shortestB = b.stream().mapToInt(String::length).min().orElse(0);
        return shortestA > shortestB;
    }

    /** The meaningful words of a sentence (descriptions): as {@link #words}, without stopwords. */
    public static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (!STOPWORDS.contains(word) && word.length() > 1) {
                words.add(word);
            }
        }
        return words;
    }

    static String fold(String word) {
        String singular =
                word.length() > 3 && word.endsWith("ies")
                        ? word.substring(0, word.length() - 3) + "y"
                        : word.length() > 3
                                        && word.endsWith("s")
                                        && !word.endsWith("ss")
                                        && !word.endsWith("us")
                                ? word.substring(0, word.length() - 1)
                                : word;
        return SYNONYMS.getOrDefault(singular, SYNONYMS.getOrDefault(word, singular));
    }

    /**
     * A crude stem for comparing words, never for showing them: inflections dropped so that
     * "clicked", "click" and "clicks", or "replied" and "reply", meet ("bounced" and "bounce" both
     * become "bounc").
     */
    public static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ied")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        }
        return w.length() > 3 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }

    /** The stems of words, in order. */
    public static List<String> stems(List<String> words) {
        return words.stream().map(Names::stem).toList();
    }

    /** |A∩B| / |A∪B|, 0 for two empty sets. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String word : a) {
            if (b.contains(word)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** 1 − edit distance / longer length: how alike two strings are letter by letter. */
    public static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }
}
