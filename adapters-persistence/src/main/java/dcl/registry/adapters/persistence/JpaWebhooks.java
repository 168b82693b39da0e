package dcl.registry.adapters.persistence;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.notify.AttemptOutcome;
import dcl.registry.domain.notify.DeliveryResult;
import dcl.registry.domain.notify.DeliveryStatus;
import dcl.registry.domain.notify.Webhook;
import dcl.registry.domain.notify.WebhookDelivery;
import dcl.registry.domain.port.out.ReviewerNotifications;
import dcl.registry.domain.port.out.RolloutNotifications;
import dcl.registry.domain.port.out.WebhookStore;
import dcl.registry.domain.rollout.RolloutSettings;
import dcl.registry.domain.rollout.RolloutStage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks and their outbox in PostgreSQL. An approval event becomes one delivery row per webhook
 * in the approval's own transaction (so an event is never lost nor sent for a decision that rolled
 * back); deliveries are claimed with {@code FOR UPDATE SKIP LOCKED}, so each goes out from one
 * node.
 */
@DatabaseAdapter
class JpaWebhooks implements WebhookStore, ReviewerNotifications, RolloutNotifications {
    private static final String DELIVERY_COLUMNS =
            "d.id, d.tenant_id, d.webhook, w.url, w.secret, d.event, d.payload, d.status,"
                    + " d.attempts, d.created_at, d.delivered_at, (SELECT a.http_status FROM"
                    + " webhook_attempts a WHERE a.delivery_id = d.id ORDER BY a.attempt DESC LIMIT 1),"
                    + " (SELECT a.error FROM webhook_attempts a WHERE a.delivery_id = d.id ORDER BY"
                    + " a.attempt DESC LIMIT 1)";

    /**
     * Unfinished deliveries, as a literal so that the partial index webhook_deliveries_due applies.
     */
    private static final String DUE = "status = '" + DeliveryStatus.PENDING.name() + "'";

    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public boolean put(TenantId tenant, Webhook webhook, Actor actor, Instant now) {
        List<?> inserted =
                em.createNativeQuery(
                                "INSERT INTO webhooks (tenant_id, name, url, secret, updated_at,"
                                        + " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT"
                                        + " (tenant_id, name) DO UPDATE SET url = EXCLUDED.url, secret"
                                        + " = EXCLUDED.secret, updated_at = EXCLUDED.updated_at,"
                                        + " updated_by = EXCLUDED.updated_by RETURNING (xmax = 0)")
                        .setParameter(1, tenant.value())
                        .setParameter(2, webhook.name())
                        .setParameter(3, webhook.url().toString())
                        .setParameter(4, webhook.secret())
                        .setParameter(5, Timestamp.from(now))
                        .setParameter(6, actor.subject())
                        .getResultList();
        return Boolean.TRUE.equals(inserted.get(0));
    }

    @Override
    public List<Webhook> all(TenantId tenant) {
        List<Webhook> hooks = new ArrayList<>();
        for (Object row :
                em.createNativeQuery(
                                "SELECT name, url, secret FROM webhooks WHERE tenant_id = ?1 ORDER"
                                        + " BY name")
                        .setParameter(1, tenant.value())
                        .getResultList()) {
            Object[] c = (Object[]) row;
            hooks.add(new Webhook((String) c[0], URI.create((String) c[1]), (String) c[2]));
        }
        return hooks;
    }

    @Override
    public boolean delete(TenantId tenant, String name) {
        // a deleted webhook's pending deliveries can never go out: they fail
        em.createNativeQuery(
                        "UPDATE webhook_deliveries SET status = ?3 WHERE tenant_id = ?1 AND webhook ="
                                + " ?2 AND "
                                + DUE)
                .setParameter(1, tenant.value())
                .setParameter(2, name)
                .setParameter(3, DeliveryStatus.FAILED.name())
                .executeUpdate();
        return em.createNativeQuery("DELETE FROM webhooks WHERE tenant_id = ?1 AND name = ?2")
                        .setParameter(1, tenant.value())
                        .setParameter(2, name)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void approvalEvent(String event, Approval approval) {
        enqueue(
                approval.tenant(),
                event,
                ApprovalEventJson.write(event, approval),
                ApprovalEventJson.occurredAt(approval));
    }

    /** To the webhooks of the tenant that owns the plan: an operator's own tenant. */
    @Override
    public void stageEvent(String event, RolloutStage stage, String reason) {
        enqueue(
                stage.owner(),
                event,
                RolloutEventJson.write(event, stage, reason),
                stage.haltedAt().orElse(stage.decidedAt()));
    }

    @Override
    public void tenantHeld(RolloutSettings held, String reason, Optional<TenantId> planOwner) {
        String payload = RolloutEventJson.held(TENANT_HELD, held, reason);
        Instant occurred = held.updatedAt().orElseThrow();
        enqueue(held.tenant(), TENANT_HELD, payload, occurred);
        planOwner.ifPresent(owner -> enqueue(owner, TENANT_HELD, payload, occurred));
    }

    private void enqueue(TenantId tenant, String event, String payload, Instant occurred) {
        for (Webhook webhook : all(tenant)) {
            em.createNativeQuery(
                            "INSERT INTO webhook_deliveries (id, tenant_id, webhook, event,"
                                    + " payload, status, attempts, next_attempt_at, created_at) VALUES"
                                    + " (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7)")
                    .setParameter(1, UUID.randomUUID().toString())
                    .setParameter(2, tenant.value())
                    .setParameter(3, webhook.name())
                    .setParameter(4, event)
                    .setParameter(5, payload)
                    .setParameter(6, DeliveryStatus.PENDING.name())
                    .setParameter(7, Timestamp.from(occurred))
                    .executeUpdate();
        }
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<?> claimed =
                em.createNativeQuery(
                                "UPDATE webhook_deliveries SET next_attempt_at = ?1 WHERE id IN"
                                        + " (SELECT id FROM webhook_deliveries WHERE "
                                        + DUE
                                        + " AND next_attempt_at <= ?2 ORDER BY next_attempt_at,"
                                        + " created_at LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING id")
                        .setParameter(1, Timestamp.from(leaseUntil))
                        .setParameter(2, Timestamp.from(now))
                        .setParameter(3, limit)
                        .getResultList();
        List<WebhookDelivery> due = new ArrayList<>();
        for (Object id : claimed) {
            due.addAll(
                    deliveries(
                            em.createNativeQuery(
                                            "SELECT "
                                                    + DELIVERY_COLUMNS
                                                    + " FROM webhook_deliveries d JOIN webhooks w"
                                                    + " ON w.tenant_id = d.tenant_id AND w.name ="
                                                    + " d.webhook WHERE d.id = ?1")
                                    .setParameter(1, id)
                                    .getResultList()));
        }
        due.sort(
                java.util.Comparator.comparing(
                        WebhookDelivery::createdAt)); // events go out in the order they happened
        return due;
    }

    @Override
    public void recordAttempt(
            WebhookDelivery delivery,
            int attempt,
            Instant at,
            DeliveryResult result,
            AttemptOutcome next) {
        em.createNativeQuery(
                        "INSERT INTO webhook_attempts (delivery_id, attempt, at, http_status,"
                                + " error) VALUES (?1, ?2, ?3, CAST(?4 AS integer), ?5)")
                .setParameter(1, delivery.id())
                .setParameter(2, attempt)
                .setParameter(3, Timestamp.from(at))
                .setParameter(4, result.httpStatus().orElse(null))
                .setParameter(5, result.failure().map(DeliveryResult.Failure::text).orElse(null))
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE webhook_deliveries SET status = ?1, attempts = ?2, next_attempt_at"
                                + " = ?3, delivered_at = CAST(?4 AS timestamptz) WHERE id = ?5")
                .setParameter(1, next.status().name())
                .setParameter(2, attempt)
                .setParameter(3, Timestamp.from(next.retryAt().orElse(at)))
                .setParameter(4, result.delivered() ? Timestamp.from(at) : null)
                .setParameter(5, delivery.id())
                .executeUpdate();
    }

    @Override
    public List<WebhookDelivery> recent(TenantId tenant, int limit) {
        return deliveries(
                em.createNativeQuery(
                                "SELECT "
                                        + DELIVERY_COLUMNS
                                        + " FROM webhook_deliveries d JOIN webhooks w ON"
                                        + " w.tenant_id = d.tenant_id AND w.name = d.webhook WHERE"
                                        + " d.tenant_id = ?1 ORDER BY d.created_at DESC LIMIT ?2")
                        .setParameter(1, tenant.value())
                        .setParameter(2, limit)
                        .getResultList());
    }

    private static List<WebhookDelivery> deliveries(List<?> rows) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            deliveries.add(
                    new WebhookDelivery(
                            (String) c[0],
                            new TenantId((String) c[1]),
                            new Webhook((String) c[2], URI.create((String) c[3]), (String) c[4]),
                            (String) c[5],
                            (String) c[6],
                            DeliveryStatus.valueOf((String) c[7]),
                            ((Number) c[8]).intValue(),
                            JpaApprovals.instant(c[9]),
                            Optional.ofNullable(c[10]).map(JpaApprovals::instant),
                            Optional.ofNullable((Number) c[11]).map(Number::intValue),
                            Optional.ofNullable((String) c[12])));
        }
        return deliveries;
    }
}
