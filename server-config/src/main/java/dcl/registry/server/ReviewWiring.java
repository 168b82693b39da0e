package dcl.registry.server;

import dcl.registry.adapters.aam.notify.HttpWebhookTransport;
import dcl.registry.application.ApprovalService;
import dcl.registry.application.CanonicalSchemaService;
import dcl.registry.application.DecisionService;
import dcl.registry.application.DriftRepairService;
import dcl.registry.application.ProposalService;
import dcl.registry.application.RegistryWriteGuard;
import dcl.registry.application.WebhookService;
import dcl.registry.domain.notify.TargetPolicy;
import dcl.registry.domain.port.in.DeliverWebhooksUseCase;
import dcl.registry.domain.port.in.RepairDriftUseCase;
import dcl.registry.domain.port.in.ReviewApprovalsUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.ReviewerNotifications;
import dcl.registry.domain.port.out.StoreApprovals;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.StoreProposals;
import dcl.registry.domain.port.out.TransactionBoundary;
import dcl.registry.domain.port.out.WebhookStore;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The approval workflow, drift repair and reviewer webhooks, wired to their adapters; delivers due
 * webhooks every {@code dcl.webhooks.delivery-interval}.
 */
@ApplicationScoped
public class ReviewWiring {
    private static final Logger LOG = Logger.getLogger(ReviewWiring.class.getName());

    @Resource ManagedScheduledExecutorService scheduler;
    private final WiringSettings settings = WiringSettings.configured();
    private volatile ScheduledFuture<?> deliveries;

    /**
     * The webhook sender holds an HTTP client: closed with the application, after the deliveries
     * stop.
     */
    private volatile HttpWebhookTransport webhookTransport;

    /** Drift repair queues its repairs here directly; decisions go through the guard. */
    @Produces
    @Singleton
    @Typed(ApprovalService.class)
    ApprovalService approvals(
            StoreApprovals approvals,
            StoreProposals proposals,
            LoadMappings mappingReads,
            StoreMappings mappingWrites,
            AuditTrail audit,
            ReviewerNotifications notifications,
            TransactionBoundary transactions,
            Clock clock) {
        return new ApprovalService(
                approvals,
                proposals,
                mappingReads,
                mappingWrites,
                audit,
                notifications,
                transactions,
                clock);
    }

    @Produces
    @Singleton
    ReviewApprovalsUseCase reviewApprovals(ApprovalService approvals, RegistryWriteGuard guard) {
        return guard.review(approvals);
    }

    @Produces
    @Singleton
    RepairDriftUseCase driftRepair(
            LoadMappings mappingReads,
            StoreMappings mappingWrites,
            AuditTrail audit,
            CanonicalSchemaService schemas,
            ProposalService proposals,
            ApprovalService approvals,
            StoreProposals stored,
            DecisionService decisions,
            TransactionBoundary transactions,
            Clock clock,
            RegistryWriteGuard guard) {
        return guard.driftRepair(
                new DriftRepairService(
                        mappingReads,
                        mappingWrites,
                        audit,
                        schemas,
                        proposals,
                        approvals,
                        stored,
                        decisions,
                        transactions,
                        clock));
    }

    /**
     * Where webhooks may point; the settings were checked before the application started
     * (WebhookSettings).
     */
    @Produces
    @Singleton
    TargetPolicy webhookTargets() {
        TargetPolicy targets = WebhookSettings.targetPolicy();
        LOG.info("Webhook targets: " + targets);
        return targets;
    }

    @Produces
    @Singleton
    WebhookService webhooks(
            WebhookStore store,
            TargetPolicy targets,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        webhookTransport = new HttpWebhookTransport(targets, scheduler);
        return new WebhookService(store, webhookTransport, targets, audit, transactions, clock);
    }

    void atStart(
            @Observes @Initialized(ApplicationScoped.class) Object started,
            DeliverWebhooksUseCase webhookService) {
        deliveries =
                scheduler.scheduleWithFixedDelay(
                        () -> deliver(webhookService, settings.webhookDeliveryBatch()),
                        settings.webhookDelivery().toMillis(),
                        settings.webhookDelivery().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (deliveries != null) {
            deliveries.cancel(false);
        }
        if (webhookTransport != null) {
            webhookTransport.close();
        }
    }

    private static void deliver(DeliverWebhooksUseCase webhookService, int batch) {
        try {
            while (webhookService.deliverDue(batch) == batch) {
                // a full batch: more may be due
            }
        } catch (RuntimeException failed) {
            LOG.log(
                    Level.WARNING,
                    "Webhook delivery round failed; next round as scheduled",
                    failed);
        }
    }
}
