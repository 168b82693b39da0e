package dcl.registry.application;

import dcl.registry.domain.decision.StrategyChange;
import dcl.registry.domain.decision.StrategyChangeKind;
import dcl.registry.domain.decision.StrategyResolution;
import dcl.registry.domain.error.EquivalenceNotShown;
import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.intelligence.StrategyCatalog;
import dcl.registry.domain.intelligence.StrategyConfiguration;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.StrategyConfigurationUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.StrategyChanges;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.rollout.RolloutStage;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Changes of the strategy configuration: a tenant's own, gated by its shadow (or forced with a
 * reason), and the fleet's staged rollout to a sticky share of tenants (the registry rollout's
 * hashing). Each change, rollbacks included, is one appended row and its audit entry in one
 * transaction, in force on this node at once and on the others within their refresh.
 */
public class StrategyConfigurationService implements StrategyConfigurationUseCase {
    static final String TENANT_SETTING = "intelligence-strategy";
    static final String ROLLOUT_SETTING = "intelligence-rollout";
    private static final Logger LOG =
            Logger.getLogger(StrategyConfigurationService.class.getName());
    private static final int HISTORY = 20;

    private final StrategyChanges changes;
    private final StrategyAssignments assignments;
    private final StrategyCatalog catalog;
    private final ShadowService shadow;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public StrategyConfigurationService(
            StrategyChanges changes,
            StrategyAssignments assignments,
            StrategyCatalog catalog,
            ShadowService shadow,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        this.changes = changes;
        this.assignments = assignments;
        this.catalog = catalog;
        this.shadow = shadow;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public StrategyConfiguration installation() {
        return assignments.installation();
    }

    @Override
    public TenantView view(TenantId tenant) {
        StrategyChanges.InForce inForce = changes.inForce(tenant);
        return new TenantView(
                tenant,
                StrategyResolution.resolve(
                        tenant, assignments.installation(), inForce.own(), inForce.rollout()),
                assignments.installation(),
                inForce.rollout(),
                RolloutStage.position(tenant),
                changes.history(Optional.of(tenant), HISTORY));
    }

    @Override
    public TenantView set(
            TenantId tenant,
            Actor actor,
            StrategyConfiguration configuration,
            boolean force,
            Optional<String> reason) {
        catalog.strategyFor(configuration); // one this installation cannot run is refused here
        Optional<String> why = FreeText.optional("reason", reason);
        if (force && why.isEmpty()) {
            throw new InvalidInput(
                    "reason", "is required to set a configuration past the equivalence gate");
        }
        Optional<String> refusal = shadow.refusal(tenant, configuration);
        if (refusal.isPresent() && !force) {
            throw new EquivalenceNotShown(refusal.get());
        }
        Optional<StrategyChange> latest = changes.latest(Optional.of(tenant));
        Optional<String> recorded =
                refusal.map(r -> why.get() + " (forced past the equivalence gate: " + r + ")")
                        .or(() -> why);
        append(
                new StrategyChange(
                        0,
                        Optional.of(tenant),
                        latest.map(StrategyChange::sequence).orElse(0L) + 1,
                        Optional.of(configuration),
                        100,
                        latest.flatMap(StrategyChange::configuration),
                        100,
                        StrategyChangeKind.SET,
                        recorded,
                        refusal.isPresent(),
                        clock.instant(),
                        actor,
                        tenant),
                latest,
                TENANT_SETTING);
        return view(tenant);
    }

    @Override
    public TenantView rollBack(TenantId tenant, Actor actor, Optional<String> reason) {
        StrategyChange latest =
                changes.latest(Optional.of(tenant))
                        .orElseThrow(
                                () ->
                                        new IllegalTransition(
                                                "Nothing to roll back: the tenant has never set a"
                                                        + " strategy configuration of its own."));
        append(
                rollbackOf(latest, actor, tenant, FreeText.optional("reason", reason)),
                Optional.of(latest),
                TENANT_SETTING);
        return view(tenant);
    }

    @Override
    public RolloutView rollout() {
        return new RolloutView(
                changes.latest(Optional.empty()),
                assignments.installation(),
                changes.history(Optional.empty(), HISTORY));
    }

    @Override
    public RolloutView stage(
            TenantId owner,
            Actor actor,
            StrategyConfiguration configuration,
            int percent,
            Optional<String> reason) {
        if (percent < 0 || percent > 100) {
            throw new InvalidInput("percent", "must be a whole number from 0 to 100");
        }
        catalog.strategyFor(configuration);
        Optional<StrategyChange> latest = changes.latest(Optional.empty());
        append(
                new StrategyChange(
                        0,
                        Optional.empty(),
                        latest.map(StrategyChange::sequence).orElse(0L) + 1,
                        Optional.of(configuration),
                        percent,
                        latest.flatMap(StrategyChange::configuration),
                        latest.map(StrategyChange::percent).orElse(0),
                        StrategyChangeKind.ROLLOUT,
                        FreeText.optional("reason", reason),
                        false,
                        clock.instant(),
                        actor,
                        owner),
                latest,
                ROLLOUT_SETTING);
        return rollout();
    }

    @Override
    public RolloutView rollBackRollout(TenantId owner, Actor actor, Optional<String> reason) {
        StrategyChange latest =
                changes.latest(Optional.empty())
                        .orElseThrow(
                                () ->
                                        new IllegalTransition(
                                                "Nothing to roll back: no strategy rollout was"
                                                        + " ever staged."));
        append(
                rollbackOf(latest, actor, owner, FreeText.optional("reason", reason)),
                Optional.of(latest),
                ROLLOUT_SETTING);
        return rollout();
    }

    /** What {@code latest} replaced, put back; rolling back a rollback re-applies. */
    private StrategyChange rollbackOf(
            StrategyChange latest, Actor actor, TenantId owner, Optional<String> why) {
        return new StrategyChange(
                0,
                latest.tenant(),
                latest.sequence() + 1,
                /* configuration= */ latest.previous(),
                /* percent= */ latest.previousPercent(),
                /* previous= */ latest.configuration(),
                /* previousPercent= */ latest.percent(),
                StrategyChangeKind.ROLLBACK,
                why,
                false,
                clock.instant(),
                actor,
                owner);
    }

    private void append(StrategyChange change, Optional<StrategyChange> before, String setting) {
        StrategyChange stored =
                transactions.inTransaction(
                        () -> {
                            StrategyChange appended =
                                    changes.append(change)
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalTransition(
                                                                    "The strategy configuration"
                                                                            + " changed while this"
                                                                            + " change was made: read"
                                                                            + " it again and decide"
                                                                            + " anew."));
                            audit.recordSetting(
                                    change.owner(),
                                    change.decidedBy(),
                                    change.decidedAt(),
                                    setting,
                                    before.map(StrategyChange::describe).orElse("installation's"),
                                    appended.describe()
                                            + " (version "
                                            + appended.id()
                                            + ", "
                                            + appended.kind().wireName()
                                            + (appended.forced() ? ", forced" : "")
                                            + ")",
                                    appended.reason());
                            return appended;
                        });
        assignments.stored(stored);
        LOG.info(
                () ->
                        stored.tenant().map(t -> "Tenant " + t.value()).orElse("Fleet rollout")
                                + " strategy configuration "
                                + stored.kind().wireName()
                                + " by "
                                + stored.decidedBy()
                                + ": "
                                + stored.describe()
                                + " (version "
                                + stored.id()
                                + ")");
    }
}
