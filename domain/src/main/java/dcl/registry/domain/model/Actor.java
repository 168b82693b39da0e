package dcl.registry.domain.model;

import java.text.Normalizer;
import java.util.Locale;

/** Who did something: the token's subject. */
public record Actor(String subject) {
    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an actor needs a subject");
        }
    }

    /**
     * Whether both name the same person: subjects are compared case-folded ({@link Locale#ROOT}),
     * so {@code RITA} and {@code rita} are one person whatever the identity provider's spelling or
     * the JVM's locale.
     */
    public boolean sameAs(Actor other) {
        return other != null && folded().equals(other.folded());
    }

    /**
     * Compatibility-normalised, without invisible format characters (a zero-width space) or
     * surrounding white space, then case-folded (upper then lower, so 'ß'/'SS' and 'İ'/'i̇' meet),
     * locale-free: {@code "rita "} is Rita to every reader of the audit trail.
     */
    private String folded() {
        return Normalizer.normalize(subject, Normalizer.Form.NFKC)
                .replaceAll("\\p{Cf}", "")
                .strip()
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return subject;
    }
}
