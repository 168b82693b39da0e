package dcl.registry.adapters.rest.runtime;

import dcl.registry.domain.error.Violations;
import dcl.registry.domain.intelligence.AlternativesWanted;
import dcl.registry.domain.intelligence.ProposalRequest;
import dcl.registry.domain.intelligence.SampleValues;
import dcl.registry.domain.intelligence.StrategyName;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.SourceField;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import java.util.List;
import java.util.Optional;

/** Body of {@code POST /dcl/intelligence/propose-mapping}. */
public record ProposeMappingRequest(
        String connector,
        String sourceTable,
        String sourceField,
        List<String> sampleValues,
        String description,
        String tableDescription,
        String type,
        String strategy,
        Integer alternatives) {

    /**
     * What to propose for, the strategy asked for (the configured one when none) and how many
     * alternatives to list.
     */
    public record Proposal(
            ProposalRequest request,
            Optional<StrategyName> strategy,
            AlternativesWanted alternatives) {}

    /** The proposal asked for; every invalid member is reported at once. */
    Proposal toProposal() {
        Violations v = new Violations();
        ConnectorId connectorId = v.check(() -> new ConnectorId(connector));
        SourceTable table = v.check(() -> new SourceTable(sourceTable));
        SourceField field = v.check(() -> new SourceField(sourceField));
        List<String> samples = v.check(() -> SampleValues.of("sampleValues", sampleValues));
        Optional<StrategyName> asked =
                Optional.ofNullable(strategy).map(name -> StrategyName.parse(name).orElse(null));
        if (strategy != null && asked.isEmpty()) {
            v.add("strategy", "must be one of " + StrategyName.allowed());
        }
        AlternativesWanted listed = v.check(() -> AlternativesWanted.of(alternatives));
        v.throwIfAny();
        return new Proposal(
                new ProposalRequest(
                        new SourceRef(connectorId, table, field),
                        samples,
                        Optional.ofNullable(description),
                        Optional.ofNullable(tableDescription),
                        Optional.ofNullable(type)),
                asked,
                listed);
    }
}
