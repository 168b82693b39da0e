package dcl.registry.domain.drift;

import dcl.registry.domain.approval.ProposedChange;
import dcl.registry.domain.model.CanonicalField;
import dcl.registry.domain.model.MappingId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a repair touches: existing mappings changed, source tables, and canonical fields fed
 * downstream.
 */
public record EstimatedImpact(
        int affectedMappings, int affectedTables, int downstreamCanonicalFields) {

    /** What {@code repairs} touch: each mapping, table and canonical field counted once. */
    public static EstimatedImpact of(List<RepairDraft> repairs) {
        Set<MappingId> mappings = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<CanonicalField> canonical = new LinkedHashSet<>();
        for (RepairDraft d : repairs) {
            ProposedChange change = d.proposal().change();
            d.review().ifPresent(m -> mappings.add(m.id()));
            tables.add(change.source().connector().value() + "/" + change.source().table().key());
            canonical.add(change.target());
        }
        return new EstimatedImpact(mappings.size(), tables.size(), canonical.size());
    }

    /**
     * In words, for the people who review the repair: "1 existing mapping, 1 table, 2 canonical
     * fields downstream".
     */
    public String describe() {
        return count(affectedMappings, "existing mapping")
                + ", "
                + count(affectedTables, "table")
                + ", "
                + count(downstreamCanonicalFields, "canonical field")
                + " downstream";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
