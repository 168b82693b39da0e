package dcl.registry.domain.model;

/**
 * Where a value comes from: connector, table and field. Together with the tenant, a mapping's
 * identity.
 */
public record SourceRef(ConnectorId connector, SourceTable table, SourceField field) {
    public SourceRef {
        if (connector == null || table == null || field == null) {
            throw new IllegalArgumentException("connector, table and field are required");
        }
    }

    public boolean sameIdentity(SourceRef other) {
        return connector.equals(other.connector)
                && table.sameAs(other.table)
                && field.equals(other.field);
    }

    @Override
    public String toString() {
        return connector + "/" + table + "/" + field;
    }
}
