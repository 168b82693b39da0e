package dcl.registry.application;

import dcl.registry.domain.legacy.AcceptedEntry;
import dcl.registry.domain.legacy.LegacyEntryRules;
import dcl.registry.domain.legacy.LegacyProblem;
import dcl.registry.domain.legacy.ParityMismatch;
import dcl.registry.domain.legacy.ParityTally;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.model.Transform;
import dcl.registry.domain.port.in.CheckParityUseCase;
import dcl.registry.domain.port.out.LoadMappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks every legacy entry up through the registry's read path (the cache included) and compares.
 */
public class ParityCheckService implements CheckParityUseCase {
    private final LoadMappings readPath;

    public ParityCheckService(LoadMappings readPath) {
        this.readPath = readPath;
    }

    @Override
    public ParityTally compare(TenantId tenant, List<LegacyEntryRules.Verdict> verdicts) {
        long compared = 0;
        List<ParityMismatch> mismatches = new ArrayList<>();
        List<LegacyProblem> skipped = new ArrayList<>();
        for (LegacyEntryRules.Verdict verdict : verdicts) {
            if (verdict instanceof LegacyEntryRules.Rejected r) {
                skipped.add(r.problem());
                continue;
            }
            AcceptedEntry entry = ((LegacyEntryRules.Accepted) verdict).entry();
            compared++;
            Optional<FieldMapping> actual =
                    readPath.byIdentity(tenant, entry.source()).filter(FieldMapping::isActive);
            String connector = entry.source().connector().value();
            String table = entry.source().table().name();
            String field = entry.source().field().name();
            if (actual.isEmpty()) {
                mismatches.add(
                        new ParityMismatch(
                                connector,
                                table,
                                field,
                                "missing",
                                entry.target().toString(),
                                null));
                continue;
            }
            FieldMapping m = actual.get();
            if (!m.target().entity().equals(entry.target().entity())) {
                mismatches.add(
                        new ParityMismatch(
                                connector,
                                table,
                                field,
                                "canonicalEntity",
                                entry.target().entity(),
                                m.target().entity()));
            } else if (!m.target().field().equals(entry.target().field())) {
                mismatches.add(
                        new ParityMismatch(
                                connector,
                                table,
                                field,
                                "canonicalField",
                                entry.target().field(),
                                m.target().field()));
            } else if (!m.transform().equals(entry.transform())) {
                mismatches.add(
                        new ParityMismatch(
                                connector,
                                table,
                                field,
                                "transform",
                                describe(entry.transform()),
                                describe(m.transform())));
            }
        }
        return new ParityTally(compared, mismatches, skipped);
    }

    private static String describe(Optional<Transform> transform) {
        return transform.map(Object::toString).orElse("none");
    }
}
