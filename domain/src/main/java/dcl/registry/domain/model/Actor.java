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
     * Compatibility-normalised, then case-folded (upper then lower, so 'ß'/'SS' and 'İ'/'i̇' meet),
     * locale-free.
     */
    private String folded() {
        return Normalizer.normalize(subject, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return subject;
    }
}
