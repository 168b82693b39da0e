package dcl.registry.domain.error;

import dcl.registry.domain.model.MappingStatus;
import java.util.Set;

/** A status change the review lifecycle does not have (e.g. approving what is already decided). */
public final class IllegalTransition extends DomainException {
    public IllegalTransition(
            String subject, MappingStatus from, MappingStatus to, Set<MappingStatus> allowed) {
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
