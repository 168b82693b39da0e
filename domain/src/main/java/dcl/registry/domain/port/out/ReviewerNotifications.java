package dcl.registry.domain.port.out;

import dcl.registry.domain.approval.Approval;

/**
 * Tells the tenant's reviewers (webhooks) that an approval was submitted or decided. Called inside
 * the approval's transaction: it only records what to deliver; delivery happens later and never
 * fails the approval.
 */
public interface ReviewerNotifications {
    void approvalEvent(String event, Approval approval);
}
