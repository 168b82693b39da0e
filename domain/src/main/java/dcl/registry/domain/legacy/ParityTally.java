package dcl.registry.domain.legacy;

import java.util.List;

/** The outcome of comparing legacy entries with the registry's answers. */
public record ParityTally(
        long compared, List<ParityMismatch> mismatches, List<LegacyProblem> skipped) {
    public ParityTally {
        mismatches = List.copyOf(mismatches);
        skipped = List.copyOf(skipped);
    }
}
