package dcl.registry.domain.port.in;

import dcl.registry.domain.drift.DriftRequest;
import dcl.registry.domain.drift.RepairPlan;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;

/** Proposes repairs for drift the runtime reports; every proposal enters the approval queue. */
public interface RepairDriftUseCase {
    RepairPlan repair(TenantId tenant, Actor reporter, DriftRequest drift);
}
