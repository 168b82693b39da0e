package dcl.registry.domain.port.in;

import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.ParityTally;
import dcl.registry.domain.model.TenantId;
import java.util.List;

/** Compares legacy entries with what the registry's read path answers for them. Read-only. */
public interface CheckParityUseCase {
    ParityTally compare(TenantId tenant, List<LegacyEntryRules.Verdict> verdicts);
}
