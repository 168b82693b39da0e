package dcl.registry.domain.port.out;

import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.model.TenantId;

/** Told what dual-read found, and which source served reads; counts it and logs it. */
public interface DualReadObserver {
    void compared(TenantId tenant, boolean matched);

    void mismatch(TenantId tenant, ParityMismatch mismatch);

    void servedFromYaml(TenantId tenant);
}
