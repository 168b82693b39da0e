package dcl.registry.domain.legacy;

import java.util.List;

/**
 * What an import (or one chunk of it) did: created, updated, unchanged, and rejected with reasons.
 */
public record ImportTally(
        long imported, long updated, long unchanged, List<LegacyProblem> rejected) {
    public ImportTally {
        rejected = List.copyOf(rejected);
    }
}
