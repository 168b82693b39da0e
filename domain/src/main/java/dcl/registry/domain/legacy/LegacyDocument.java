package dcl.registry.domain.legacy;

import java.util.List;

/** What one legacy file yielded: the entries that could be read, and the problems of the rest. */
public record LegacyDocument(String file, List<LegacyEntry> entries, List<LegacyProblem> problems) {
    public LegacyDocument {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
