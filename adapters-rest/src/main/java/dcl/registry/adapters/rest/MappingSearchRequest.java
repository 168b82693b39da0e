package dcl.registry.adapters.rest;

import dcl.registry.domain.error.Violations;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.MappingStatus;
import dcl.registry.domain.model.SourceTable;
import java.util.Optional;

/** The query parameters of a mapping search as sent; every one is optional, a blank one absent. */
record MappingSearchRequest(
        String connector,
        String table,
        String entity,
        String status,
        String text,
        String limit,
        String cursor) {

    PagedQuery<MappingQuery> toQuery() {
        return PagedQuery.parse(this::filters, limit, cursor);
    }

    private MappingQuery filters() {
        Violations violations = new Violations();
        Optional<ConnectorId> byConnector =
                present(connector).map(c -> violations.check(() -> new ConnectorId(c)));
        Optional<SourceTable> byTable =
                present(table).map(t -> violations.check(() -> new SourceTable(t)));
        Optional<MappingStatus> byStatus =
                present(status).map(s -> violations.check(() -> MappingStatus.parse("status", s)));
        violations.throwIfAny();
        return new MappingQuery(byConnector, byTable, present(entity), byStatus, present(text));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
