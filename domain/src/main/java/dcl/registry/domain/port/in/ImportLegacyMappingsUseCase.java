package dcl.registry.domain.port.in;

import dcl.registry.domain.legacy.ImportTally;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Upserts judged legacy entries into a tenant (admin write path, started as a job). Accepted
 * entries are created, updated or left unchanged; rejected ones are reported. With {@code dryRun}
 * nothing is written and the tally says what would have happened.
 */
public interface ImportLegacyMappingsUseCase {
    ImportTally importEntries(
            TenantId tenant,
            Actor actor,
            List<LegacyEntryRules.Verdict> verdicts,
            boolean dryRun,
            Optional<String> reason);
}
