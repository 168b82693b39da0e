package dcl.registry.domain.error;

import java.util.Set;

/** A status change the review lifecycle does not have (e.g. approving what is already decided). */
public final class IllegalTransition extends DomainException {
    /**
     * {@code subject} in status {@code from} may not become {@code to}, only one of {@code
     * allowed}.
     */
    public <S extends Enum<S>> IllegalTransition(String subject, S from, S to, Set<S> allowed) {
        super(
                subject
                        + " is "
                        + from
                        + " and cannot become "
                        + to
                        + (allowed.isEmpty()
                                ? " (nothing follows " + from + ")"
                                : "; from " + from + " it may become " + allowed));
    }

    public IllegalTransition(String message) {
        super(message);
    }
}
