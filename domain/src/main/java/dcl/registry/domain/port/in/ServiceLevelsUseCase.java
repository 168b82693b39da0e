package dcl.registry.domain.port.in;

import dcl.registry.domain.slo.SloReport;

/** The SLOs over their window across all nodes, and what they mean for the rollout. */
public interface ServiceLevelsUseCase {
    SloReport report();
}
