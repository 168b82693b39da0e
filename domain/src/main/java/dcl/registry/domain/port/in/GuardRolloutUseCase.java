package dcl.registry.domain.port.in;

import dcl.registry.domain.slo.SloReport;

/**
 * Run on every node on a schedule: adds the node's counts to the shared buckets, judges the SLOs
 * and acts on the rollout (marks it halted, or rolls it back to its previous stage). Nodes race
 * safely: the store lets one of them act.
 */
public interface GuardRolloutUseCase {
    SloReport check();
}
