package dcl.registry.domain.intelligence;

import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.FreeText;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.TextRule;
import java.util.List;
import java.util.Optional;

/**
 * A source field to map, with whatever the runtime knows about it. Descriptions are free text (at
 * most {@value FreeText#MAX_LENGTH} characters).
 */
public record ProposalRequest(
        SourceRef source,
        List<String> samples,
        Optional<String> description,
        Optional<String> tableDescription,
        Optional<String> type) {
    /** A field known by its source alone (no samples, no descriptions, no type). */
    public static ProposalRequest of(SourceRef source) {
        return new ProposalRequest(
                source, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The longest declared type ({@code varchar(255)}, {@code timestamp with time zone}). */
    public static final int MAX_TYPE_LENGTH = 64;

    public ProposalRequest {
        samples = List.copyOf(samples);
        Violations v = new Violations();
        Optional<String> describedAs = description;
        Optional<String> tableDescribedAs = tableDescription;
        description = v.check(() -> FreeText.optional("description", describedAs));
        tableDescription = v.check(() -> FreeText.optional("tableDescription", tableDescribedAs));
        type.ifPresent(t -> v.check(() -> TextRule.NAME.require("type", t, MAX_TYPE_LENGTH)));
        v.throwIfAny();
    }
}
