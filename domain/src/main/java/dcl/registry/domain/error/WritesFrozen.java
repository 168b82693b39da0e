package dcl.registry.domain.error;

import dcl.registry.domain.model.TenantId;

/**
 * The tenant's source of truth is the legacy YAML (emergency rollback): the registry takes no
 * writes.
 */
public final class WritesFrozen extends DomainException {
    public WritesFrozen(TenantId tenant) {
        super(
                "Tenant "
                        + tenant
                        + " is served from the legacy YAML files (source of truth yaml, or the"
                        + " rollout plan has not reached it), so the registry does not accept"
                        + " mapping writes: they would not reach the runtime. Change the YAML"
                        + " files, or switch back with PUT /dcl/admin/rollout"
                        + " {\"sourceOfTruth\":\"registry\"}.");
    }
}
