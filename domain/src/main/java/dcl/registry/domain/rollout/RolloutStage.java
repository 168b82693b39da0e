package dcl.registry.domain.rollout;

import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.slo.SloBaseline;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * One stage of the fleet's progressive rollout of the registry: the share of plan-following tenants
 * the registry serves (the rest read their legacy YAML). A tenant's place in line is fixed by a
 * hash of its id ({@link #position}), so raising 10 % to 25 % keeps the first 10 % and adds more.
 *
 * @param id increases with every stage; a stage replaces exactly the one before it
 * @param owner the tenant of the operator who set the plan: its webhooks hear the plan's events
 * @param baseline what the SLOs measured when the stage began (compared against while it runs)
 * @param haltedAt when the guard first found the budget too spent to advance from this stage
 */
public record RolloutStage(
        long id,
        int percent,
        int previousPercent,
        StageChange change,
        Optional<String> reason,
        Instant decidedAt,
        Actor decidedBy,
        TenantId owner,
        SloBaseline baseline,
        Optional<Instant> haltedAt) {
    /** Who acts when the guard rolls a stage back. */
    public static final Actor GUARD = new Actor("dcl-rollout-guard");

    public RolloutStage {
        requirePercent(percent);
        requirePercent(previousPercent);
    }

    /** Where no operator has set a plan yet: nobody that follows the plan is on the registry. */
    public static boolean servesFromRegistry(Optional<RolloutStage> stage, TenantId tenant) {
        return stage.map(s -> s.servesFromRegistry(tenant)).orElse(false);
    }

    public boolean servesFromRegistry(TenantId tenant) {
        return position(tenant) < percent;
    }

    /**
     * Whether this stage moved the tenant onto the registry: its place in line is at or past the
     * previous share and before this one.
     */
    public boolean moved(TenantId tenant) {
        int position = position(tenant);
        return position >= previousPercent && position < percent;
    }

    /** Whether the guard may roll this stage back: only a raise is undone, and only once. */
    public boolean canRollBack() {
        return change == StageChange.ADVANCE;
    }

    /**
     * The tenant's place in the rollout's line, 0..99: the first 8 bytes of SHA-256 of its id, as
     * an unsigned number, modulo 100. The same on every node and JVM, and documented, so an
     * operator can tell in advance which tenants a stage moves.
     */
    public static int position(TenantId tenant) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(tenant.value().getBytes(StandardCharsets.UTF_8));
            long high = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                high = (high << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(high, 100);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** The share as an operator asks for it: a whole percent from 0 to 100. */
    public static void requirePercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a rollout share is 0..100 %, not " + percent);
        }
    }
}
