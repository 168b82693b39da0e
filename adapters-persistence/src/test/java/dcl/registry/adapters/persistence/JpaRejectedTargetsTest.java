package dcl.registry.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dcl.registry.domain.approval.Approval;
import dcl.registry.domain.approval.ApprovalStatus;
import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rejected targets counted by look-alike field, on a real PostgreSQL. */
class JpaRejectedTargetsTest {
    @RegisterExtension static final RegistryDatabase database = new RegistryDatabase();
    private static final TenantId ACME = new TenantId("acme");
    private static final CanonicalField EMAIL = CanonicalField.parse("contact.email");
    private static final CanonicalField PHONE = CanonicalField.parse("contact.phone");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final JpaApprovals approvals = new JpaApprovals();
    private final JpaRejectedTargets rejected = new JpaRejectedTargets();

    @BeforeEach
    void emptyTableAndInject() {
        database.execute("TRUNCATE approvals");
        approvals.em = database.transactionScoped();
        rejected.em = database.transactionScoped();
    }

    @Test
    void
            givenRejectedAndOtherDecisions_whenALookAlikeIsProposed_thenOnlyItsTenantsRejectionsCount() {
        decide(
                ACME,
                source("outreach", "prospects", "emailAddress"),
                PHONE,
                ApprovalStatus.REJECTED);
        decide(
                ACME,
                source("salesloft", "people", "email_addresses"),
                PHONE,
                ApprovalStatus.REJECTED);
        decide(ACME, source("hubspot", "contacts", "EMail"), EMAIL, ApprovalStatus.APPROVED);
        decide(ACME, source("hubspot", "contacts", "email"), EMAIL, ApprovalStatus.PROPOSED);
        decide(ACME, source("hubspot", "contacts", "mobile"), EMAIL, ApprovalStatus.REJECTED);
        decide(
                new TenantId("globex"),
                source("outreach", "prospects", "email_address"),
                EMAIL,
                ApprovalStatus.REJECTED);

        assertEquals(
                Map.of(PHONE, 2),
                database.inTransaction(
                        () ->
                                rejected.rejectedFor(
                                        ACME, source("apollo", "people", "EmailAddress"))),
                "rejections of look-alikes in other connectors count; approvals, pending ones,"
                        + " other fields and other tenants do not");
        assertEquals(
                Map.of(),
                database.inTransaction(
                        () -> rejected.rejectedFor(ACME, source("apollo", "people", "title"))));
    }

    private void decide(
            TenantId tenant, SourceRef source, CanonicalField target, ApprovalStatus to) {
        Approval submitted =
                Approval.submit(
                        tenant,
                        new ProposedChange.MapField(source, target, Optional.empty()),
                        0.8,
                        Optional.empty(),
                        new Actor("aam"),
                        NOW,
                        "new field");
        Approval stored =
                to == ApprovalStatus.PROPOSED
                        ? submitted
                        : submitted.decide(to, new Actor("rita"), NOW, Optional.empty());
        database.inTransaction(
                () -> {
                    approvals.insert(stored);
                    return null;
                });
    }

    private static SourceRef source(String connector, String table, String field) {
        return new SourceRef(
                new ConnectorId(connector), new SourceTable(table), new SourceField(field));
    }
}
