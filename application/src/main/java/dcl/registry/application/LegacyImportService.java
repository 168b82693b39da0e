package dcl.registry.application;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.ImportTally;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.model.Actor;
import dcl.registry.domain.model.ChangeAction;
import dcl.registry.domain.model.Confidence;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingChange;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.Provenance;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.in.ImportLegacyMappingsUseCase;
import dcl.registry.domain.port.out.AuditTrail;
import dcl.registry.domain.port.out.LoadMappings;
import dcl.registry.domain.port.out.StoreMappings;
import dcl.registry.domain.port.out.TransactionBoundary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Idempotent upsert of legacy entries; every write audited like an admin's, in one transaction per
 * call.
 */
public class LegacyImportService implements ImportLegacyMappingsUseCase {
    private final LoadMappings load;
    private final StoreMappings store;
    private final AuditTrail audit;
    private final TransactionBoundary transactions;
    private final Clock clock;

    public LegacyImportService(
            LoadMappings load,
            StoreMappings store,
            AuditTrail audit,
            TransactionBoundary transactions,
            Clock clock) {
        this.load = load;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ImportTally importEntries(
            TenantId tenant,
            Actor actor,
            List<LegacyEntryRules.Verdict> verdicts,
            boolean dryRun,
            Optional<String> reason) {
        return transactions.inTransaction(
                () -> {
                    long imported = 0;
                    long updated = 0;
                    long unchanged = 0;
                    List<LegacyProblem> rejected = new ArrayList<>();
                    Instant now = clock.instant();
                    for (LegacyEntryRules.Verdict verdict : verdicts) {
                        if (verdict instanceof LegacyEntryRules.Rejected r) {
                            rejected.add(r.problem());
                            continue;
                        }
                        AcceptedEntry entry = ((LegacyEntryRules.Accepted) verdict).entry();
                        Optional<FieldMapping> existing = load.byIdentity(tenant, entry.source());
                        if (existing.isEmpty()) {
                            imported++;
                            if (!dryRun) {
                                FieldMapping created =
                                        store.insert(
                                                FieldMapping.create(
                                                        tenant,
                                                        entry.source(),
                                                        entry.target(),
                                                        entry.transform(),
                                                        Confidence.CERTAIN,
                                                        MappingStatus.ACTIVE,
                                                        Provenance.YAML_IMPORT,
                                                        actor,
                                                        now));
                                audit.record(
                                        MappingChange.of(
                                                ChangeAction.CREATED,
                                                Optional.empty(),
                                                created,
                                                reason));
                            }
                            continue;
                        }
                        FieldMapping current = existing.get();
                        if (current.isActive()
                                && current.target().equals(entry.target())
                                && current.transform().equals(entry.transform())) {
                            unchanged++;
                            continue;
                        }
                        updated++;
                        if (!dryRun) {
                            FieldMapping stored =
                                    store.update(
                                            current.reactivate(
                                                    entry.target(),
                                                    entry.transform(),
                                                    Confidence.CERTAIN,
                                                    actor,
                                                    now));
                            audit.record(
                                    MappingChange.of(
                                            current.isDeprecated()
                                                    ? ChangeAction.REVIVED
                                                    : ChangeAction.UPDATED,
                                            Optional.of(current),
                                            stored,
                                            reason));
                        }
                    }
                    return new ImportTally(imported, updated, unchanged, rejected);
                });
    }
}
