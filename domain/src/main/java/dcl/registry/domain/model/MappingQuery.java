package dcl.registry.domain.model;

import java.util.Optional;

/** Filters for listing and searching mappings; every filter is optional. */
public record MappingQuery(
        Optional<ConnectorId> connector,
        Optional<SourceTable> table,
        Optional<String> canonicalEntity,
        Optional<MappingStatus> status,
        Optional<String> text) {

    public static MappingQuery all() {
        return new MappingQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static MappingQuery ofConnector(ConnectorId connector) {
        return new MappingQuery(
                Optional.of(connector),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
