package dcl.registry.domain.port.in;

import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowSettings;
import dcl.registry.domain.decision.ShadowTally;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Runs a candidate configuration beside the serving one on a tenant's live proposals. */
public interface ShadowUseCase {
    ShadowSettings start(
            TenantId tenant, Actor actor, StrategyConfiguration candidate, double sample);

    /** Stops the tenant's shadow; false when none ran. */
    boolean stop(TenantId tenant, Actor actor);

    /** The running shadow with its figures, or empty. */
    Optional<ShadowView> view(TenantId tenant);

    /**
     * @param servingVersion the configuration version serving the tenant now: the figures count
     *     only comparisons with it
     */
    record ShadowView(
            ShadowSettings settings,
            long servingVersion,
            ShadowTally tally,
            List<ShadowComparison> examplesOfDisagreement,
            double gate,
            long minCompared,
            Optional<String> gateRefusal) {}
}
