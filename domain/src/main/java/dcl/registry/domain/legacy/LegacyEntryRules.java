package dcl.registry.domain.legacy;

import dcl.registry.domain.error.InvalidInput;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts or rejects legacy entries, each with a reason, and finds identities that appear twice in
 * one import (table names compare case-insensitively): the first stays, every later one is
 * reported.
 */
public final class LegacyEntryRules {
    private LegacyEntryRules() {}

    /** The verdict on one entry. */
    public sealed interface Verdict permits Accepted, Rejected {}

    public record Accepted(AcceptedEntry entry) implements Verdict {}

    public record Rejected(LegacyProblem problem) implements Verdict {}

    public static Verdict judge(LegacyEntry entry) {
        if (entry.entity() == null || entry.entity().isBlank()) {
            return new Rejected(
                    entry.problem(
                            "table has no entity: every table needs 'entity: <canonical entity>'"));
        }
        if (entry.canonical() == null) {
            return new Rejected(entry.problem("canonical field is missing"));
        }
        if (entry.canonical().isBlank()) {
            return new Rejected(entry.problem("canonical field is empty"));
        }
        try {
            SourceRef source =
                    new SourceRef(
                            new ConnectorId(entry.connector()),
                            new SourceTable(entry.table()),
                            new SourceField(entry.field()));
            CanonicalField target = new CanonicalField(entry.entity(), entry.canonical());
            Optional<Transform> transform =
                    entry.hasTransform()
                            ? Optional.of(
                                    Transform.of(
                                            entry.transformType(),
                                            entry.transformFormat(),
                                            entry.transformValues()))
                            : Optional.empty();
            return new Accepted(new AcceptedEntry(entry, source, target, transform));
        } catch (InvalidInput invalid) {
            return new Rejected(entry.problem(describe(invalid)));
        }
    }

    /** Judges all entries of an import in order; a repeated identity is rejected as a duplicate. */
    public static List<Verdict> judgeAll(List<LegacyEntry> entries) {
        Map<String, LegacyEntry> firstByIdentity = new HashMap<>();
        List<Verdict> verdicts = new ArrayList<>(entries.size());
        for (LegacyEntry entry : entries) {
            Verdict verdict = judge(entry);
            if (verdict instanceof Accepted accepted) {
                SourceRef s = accepted.entry().source();
                String identity =
                        s.connector().value()
                                + "\u0000"
                                + s.table().key()
                                + "\u0000"
                                + s.field().name();
                LegacyEntry first = firstByIdentity.putIfAbsent(identity, entry);
                if (first != null) {
                    verdict =
                            new Rejected(
                                    entry.problem(
                                            "duplicate of "
                                                    + first.table()
                                                    + "."
                                                    + first.field()
                                                    + " in "
                                                    + first.file()
                                                    + " (table names compare case-insensitively);"
                                                    + " the first one was kept, fix the file to"
                                                    + " choose"));
                }
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    private static String describe(InvalidInput invalid) {
        return invalid.violations().stream()
                .map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(invalid.getMessage());
    }
}
