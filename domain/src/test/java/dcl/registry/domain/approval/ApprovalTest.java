package dcl.registry.domain.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dcl.registry.domain.error.IllegalTransition;
import dcl.registry.domain.error.NotPermitted;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Actor SUBMITTER = new Actor("aam");
    private static final Actor RITA = new Actor("rita");
    private static final Actor ROB = new Actor("rob");

    private static Approval pending() {
        return Approval.submit(
                new TenantId("acme"),
                new ProposedChange.MapField(
                        new SourceRef(
                                new ConnectorId("hubspot"),
                                new SourceTable("deals"),
                                new SourceField("deal_amount")),
                        new CanonicalField("opportunity", "amount"),
                        Optional.empty()),
                0.9,
                Optional.empty(),
                SUBMITTER,
                T0,
                "drift");
    }

    @Test
    void givenAPendingApproval_whenAReviewerApproves_thenItIsApprovedWithTheDecisionRecorded() {
        Approval approved =
                pending()
                        .decide(
                                ApprovalStatus.APPROVED,
                                RITA,
                                T0.plusSeconds(5),
                                Optional.of("ok"));
        assertEquals(ApprovalStatus.APPROVED, approved.status());
        assertEquals(Optional.of(RITA), approved.decidedBy());
        assertEquals(Optional.of("ok"), approved.notes());
        assertEquals(2, approved.version());
    }

    @Test
    void givenTheSubmitter_whenItDecidesItsOwnSubmission_thenFourEyesRefuse() {
        assertThrows(
                NotPermitted.class,
                () -> pending().decide(ApprovalStatus.APPROVED, SUBMITTER, T0, Optional.empty()));
        assertThrows(
                NotPermitted.class,
                () -> pending().decide(ApprovalStatus.REJECTED, SUBMITTER, T0, Optional.empty()));
    }

    @Test
    void
            givenTheSubmitterSpelledInAnotherCase_whenItDecidesItsOwnSubmission_thenFourEyesStillRefuse() {
        assertThrows(
                NotPermitted.class,
                () ->
                        pending()
                                .decide(
                                        ApprovalStatus.APPROVED,
                                        new Actor("AAM"),
                                        T0,
                                        Optional.empty()));
        Approval byRita =
                Approval.submit(
                        new TenantId("acme"),
                        pending().change(),
                        0.9,
                        Optional.empty(),
                        RITA,
                        T0,
                        "x");
        assertThrows(
                NotPermitted.class,
                () ->
                        byRita.decide(
                                ApprovalStatus.APPROVED, new Actor("RITA"), T0, Optional.empty()));
        assertThrows(
                NotPermitted.class,
                () ->
                        byRita.decide(
                                ApprovalStatus.REJECTED, new Actor("Rita"), T0, Optional.empty()));
        assertThrows(
                NotPermitted.class,
                () ->
                        byRita.decide(
                                ApprovalStatus.REJECTED, new Actor("ｒｉｔａ"), T0, Optional.empty()),
                "full-width letters are the same subject once normalised");
        for (String disguised : List.of("rita ", " Rita", "ri\u200bta", "rita\t")) {
            assertThrows(
                    NotPermitted.class,
                    () ->
                            byRita.decide(
                                    ApprovalStatus.APPROVED,
                                    new Actor(disguised),
                                    T0,
                                    Optional.empty()),
                    "white space or an invisible character around or in '" + disguised + "'");
        }
        Approval byStrauss =
                Approval.submit(
                        new TenantId("acme"),
                        pending().change(),
                        0.9,
                        Optional.empty(),
                        new Actor("strauß"),
                        T0,
                        "x");
        assertThrows(
                NotPermitted.class,
                () ->
                        byStrauss.decide(
                                ApprovalStatus.APPROVED,
                                new Actor("STRAUSS"),
                                T0,
                                Optional.empty()));
    }

    @Test
    void givenATurkishDefaultLocale_whenTheSubmitterDecidesInUpperCase_thenFourEyesStillRefuse() {
        Locale before = Locale.getDefault();
        Locale.setDefault(
                Locale.forLanguageTag(
                        "tr-TR")); // "I".toLowerCase() is a dotless ı here, unless Locale.ROOT
        try {
            Approval byIngrid =
                    Approval.submit(
                            new TenantId("acme"),
                            pending().change(),
                            0.9,
                            Optional.empty(),
                            new Actor("ingrid"),
                            T0,
                            "x");
            assertThrows(
                    NotPermitted.class,
                    () ->
                            byIngrid.decide(
                                    ApprovalStatus.APPROVED,
                                    new Actor("INGRID"),
                                    T0,
                                    Optional.empty()));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void givenADecidedApproval_whenItsReviewerRetriesInAnotherCase_thenItIsTheSameReviewersRetry() {
        Approval approved = pending().decide(ApprovalStatus.APPROVED, RITA, T0, Optional.empty());
        assertSame(
                approved,
                approved.decide(
                        ApprovalStatus.APPROVED,
                        new Actor("Rita"),
                        T0.plusSeconds(1),
                        Optional.empty()));
    }

    @Test
    void givenANewFieldsApproval_whenApprovedAndApplied_thenItRecordsTheMappingAtTheSameVersion() {
        Approval pending = pending();
        assertEquals(Optional.empty(), pending.mappingId(), "nothing exists yet");
        Approval approved = pending.decide(ApprovalStatus.APPROVED, RITA, T0, Optional.empty());
        MappingId created = MappingId.random();
        Approval applied = approved.applied(created);
        assertEquals(Optional.of(created), applied.mappingId());
        assertEquals(approved.version(), applied.version());
        assertThrows(
                IllegalStateException.class,
                () -> pending.applied(created),
                "only an approved change was applied");
    }

    @Test
    void givenAChangeActingOnAMapping_whenSubmitted_thenTheApprovalNamesThatMappingFromTheStart() {
        MappingId existing = MappingId.random();
        ProposedChange.DeprecateField gone =
                new ProposedChange.DeprecateField(
                        existing, pending().change().source(), pending().change().target());
        Approval approval =
                Approval.submit(
                        new TenantId("acme"), gone, 0.9, Optional.empty(), SUBMITTER, T0, "drift");
        assertEquals(Optional.of(existing), approval.mappingId());
        assertNotEquals(
                Optional.empty(),
                approval.decide(ApprovalStatus.REJECTED, RITA, T0, Optional.empty()).mappingId());
    }

    @Test
    void
            givenADecidedApproval_whenTheSameReviewerRetries_thenNothingChangesAndAnyOtherDecisionIsRefused() {
        Approval approved = pending().decide(ApprovalStatus.APPROVED, RITA, T0, Optional.empty());
        assertSame(
                approved,
                approved.decide(
                        ApprovalStatus.APPROVED, RITA, T0.plusSeconds(1), Optional.empty()));
        IllegalTransition second =
                assertThrows(
                        IllegalTransition.class,
                        () -> approved.decide(ApprovalStatus.APPROVED, ROB, T0, Optional.empty()));
        assertTrue(second.getMessage().contains("already approved by rita"), second.getMessage());
        assertThrows(
                IllegalTransition.class,
                () -> approved.decide(ApprovalStatus.REJECTED, RITA, T0, Optional.empty()));
    }

    @Test
    void givenARejectedApproval_whenResubmitted_thenItIsPendingAgainAndAnApprovedOneCannotBe() {
        Approval rejected =
                pending().decide(ApprovalStatus.REJECTED, RITA, T0, Optional.of("wrong target"));
        Approval again =
                rejected.resubmit(
                        rejected.change(), 0.95, SUBMITTER, T0.plusSeconds(60), "updated");
        assertEquals(ApprovalStatus.PROPOSED, again.status());
        assertEquals(Optional.empty(), again.decidedBy());
        assertEquals(3, again.version());
        Approval approved = pending().decide(ApprovalStatus.APPROVED, RITA, T0, Optional.empty());
        assertThrows(
                IllegalTransition.class,
                () -> approved.resubmit(approved.change(), 1, SUBMITTER, T0, "x"));
    }
}
