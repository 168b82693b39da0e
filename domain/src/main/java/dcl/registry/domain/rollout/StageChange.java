package dcl.registry.domain.rollout;

import java.util.Locale;

/** How a rollout stage came to be. Only an advance can be rolled back automatically. */
public enum StageChange {
    /** An operator raised the share. */
    ADVANCE,
    /** An operator lowered (or kept) the share. */
    RETREAT,
    /** The guard lowered it to the previous stage, on measured evidence. */
    ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
