package dcl.registry.domain.error;

/**
 * A candidate configuration may not serve: its shadow did not show it behaves like the serving one
 * (or it was never shadowed). Forcing it takes a reason.
 */
public final class EquivalenceNotShown extends DomainException {
    public EquivalenceNotShown(String why) {
        super(
                "The candidate may not serve yet: "
                        + why
                        + ". Shadow it longer, or set it with \"force\": true and a \"reason\".");
    }
}
