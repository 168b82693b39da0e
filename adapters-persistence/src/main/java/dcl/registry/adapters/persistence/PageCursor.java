package dcl.registry.adapters.persistence;

/** The cursor of mapping lists: the sort key of the last item served. */
record PageCursor(String connector, String tableKey, String field) {
    String encode() {
        return OpaqueCursor.encode(connector, tableKey, field);
    }

    static PageCursor decode(String cursor) {
        return OpaqueCursor.decode(
                cursor, 3, parts -> new PageCursor(parts.get(0), parts.get(1), parts.get(2)));
    }
}
