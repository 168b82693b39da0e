package dcl.registry.adapters.rest.admin;

import dcl.registry.domain.decision.EffectiveConfiguration;
import dcl.registry.domain.decision.ShadowComparison;
import dcl.registry.domain.decision.ShadowTally;
import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.port.in.ShadowUseCase.ShadowView;
import dcl.registry.domain.port.in.StrategyConfigurationUseCase.RolloutView;
import dcl.registry.domain.port.in.StrategyConfigurationUseCase.TenantView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the {@code /dcl/admin/intelligence} endpoints answer. */
final class IntelligenceResponses {
    private IntelligenceResponses() {}

    /** A strategy configuration; {@code label} reads as the logs and reports write it. */
    public record Configuration(String strategy, double mixedRagThreshold, String label) {
        static Configuration of(StrategyConfiguration c) {
            return new Configuration(c.strategy().label(), c.mixedRagThreshold(), c.label());
        }

        static Configuration orNull(Optional<StrategyConfiguration> c) {
            return c.map(Configuration::of).orElse(null);
        }
    }

    /**
     * One change; a {@code null} configuration is the installation's.
     *
     * @param version the change's id: decisions made under it carry it
     */
    public record Change(
            long version,
            String change,
            Configuration configuration,
            int percent,
            Configuration previous,
            int previousPercent,
            String reason,
            boolean forced,
            String decidedAt,
            String decidedBy) {
        static Change of(StrategyChange c) {
            return new Change(
                    c.id(),
                    c.kind().wireName(),
                    Configuration.orNull(c.configuration()),
                    c.percent(),
                    Configuration.orNull(c.previous()),
                    c.previousPercent(),
                    c.reason().orElse(null),
                    c.forced(),
                    c.decidedAt().toString(),
                    c.decidedBy().subject());
        }
    }

    /** The configuration a tenant's proposals follow, where from, and its version. */
    public record Effective(Configuration configuration, String origin, long version) {
        static Effective of(EffectiveConfiguration e) {
            return new Effective(
                    Configuration.of(e.configuration()), e.origin().wireName(), e.version());
        }
    }

    /** The fleet's rollout as one tenant sees it: does it reach this tenant? */
    public record RolloutReach(
            long version, Configuration configuration, int percent, boolean reachesTenant) {}

    public record TenantStrategy(
            String tenant,
            Effective effective,
            Configuration installation,
            RolloutReach rollout,
            int position,
            List<Change> history) {
        static TenantStrategy of(TenantView v) {
            return new TenantStrategy(
                    v.tenant().value(),
                    Effective.of(v.effective()),
                    Configuration.of(v.installation()),
                    v.rollout()
                            .map(
                                    r ->
                                            new RolloutReach(
                                                    r.id(),
                                                    Configuration.orNull(r.configuration()),
                                                    r.percent(),
                                                    r.reaches(v.tenant())))
                            .orElse(null),
                    v.position(),
                    v.history().stream().map(Change::of).toList());
        }
    }

    public record Rollout(Change current, Configuration installation, List<Change> history) {
        static Rollout of(RolloutView v) {
            return new Rollout(
                    v.current().map(Change::of).orElse(null),
                    Configuration.of(v.installation()),
                    v.history().stream().map(Change::of).toList());
        }
    }

    public record Agreement(long compared, double agreementTop1, double agreementTop3) {}

    /** A live proposal where the candidate put another field first. */
    public record Disagreement(
            String comparedAt,
            String source,
            String serving,
            String servingTarget,
            List<String> candidateTargets,
            String candidateFailure) {
        static Disagreement of(ShadowComparison c) {
            return new Disagreement(
                    c.at().toString(),
                    c.source().toString(),
                    c.serving(),
                    c.servingTarget().toString(),
                    c.candidateTargets().stream().map(CanonicalField::toString).toList(),
                    c.candidateFailure().orElse(null));
        }
    }

    /** The equivalence gate a switch to the candidate must pass, and why it is shut if it is. */
    public record Gate(double agreementTop1, long minCompared, boolean met, String refusal) {}

    /**
     * A running shadow and its figures.
     *
     * @param servingVersion the configuration version serving now: the figures count only the
     *     comparisons with it (a change of what serves starts them afresh)
     * @param skipped sampled proposals this node could not compare (its shadow work was full)
     */
    public record Shadow(
            Configuration candidate,
            long servingVersion,
            double sample,
            String since,
            String startedBy,
            long compared,
            double agreementTop1,
            double agreementTop3,
            Map<String, Agreement> byStrategy,
            List<Disagreement> examplesOfDisagreement,
            long skipped,
            Gate gate) {
        static Shadow of(ShadowView v) {
            ShadowTally t = v.tally();
            Map<String, Agreement> byStrategy = new TreeMap<>();
            t.byServing()
                    .forEach(
                            (serving, c) ->
                                    byStrategy.put(
                                            serving,
                                            new Agreement(
                                                    c.compared(),
                                                    c.agreementTop1(),
                                                    c.agreementTop3())));
            return new Shadow(
                    Configuration.of(v.settings().candidate()),
                    v.servingVersion(),
                    v.settings().sample(),
                    v.settings().since().toString(),
                    v.settings().by().subject(),
                    t.compared(),
                    t.agreementTop1(),
                    t.agreementTop3(),
                    byStrategy,
                    v.examplesOfDisagreement().stream().map(Disagreement::of).toList(),
                    t.skipped(),
                    new Gate(
                            v.gate(),
                            v.minCompared(),
                            v.gateRefusal().isEmpty(),
                            v.gateRefusal().orElse(null)));
        }
    }
}
