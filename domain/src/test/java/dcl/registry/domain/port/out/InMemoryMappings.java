package dcl.registry.domain.port.out;

import dcl.registry.domain.error.DuplicateMapping;
import dcl.registry.domain.error.StaleVersion;
import dcl.registry.domain.model.ConnectorId;
import dcl.registry.domain.model.FieldMapping;
import dcl.registry.domain.model.MappingId;
import dcl.registry.domain.model.MappingQuery;
import dcl.registry.domain.model.Page;
import dcl.registry.domain.model.PageRequest;
import dcl.registry.domain.model.SourceRef;
import dcl.registry.domain.model.SourceTable;
import dcl.registry.domain.model.TableMappingSet;
import dcl.registry.domain.model.TenantId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The mapping ports in memory, for tests: keeps the identity rule, versions, table change versions
 * and paging as the database adapter does (both pass {@link LoadMappingsContract} and {@link
 * StoreMappingsContract}).
 */
public final class InMemoryMappings implements LoadMappings, StoreMappings {
    /** Orders as the database lists: connector, table (case-insensitively), field. */
    private static final Comparator<SourceRef> LISTED =
            (a, b) -> Arrays.compare(listedKey(a), listedKey(b));

    private final Map<MappingId, Row> rows = new LinkedHashMap<>();
    private long changes;

    /** A stored mapping and the change number of its last write. */
    private record Row(FieldMapping mapping, long changeSeq) {}

    @Override
    public synchronized Optional<FieldMapping> byId(TenantId tenant, MappingId id) {
        return Optional.ofNullable(rows.get(id))
                .map(Row::mapping)
                .filter(m -> m.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<FieldMapping> byIdentity(TenantId tenant, SourceRef source) {
        return mappings(m -> m.tenant().equals(tenant) && m.source().sameIdentity(source))
                .findFirst();
    }

    /** Everything here is in memory. */
    @Override
    public Optional<FieldMapping> servedInMemory(TenantId tenant, SourceRef source) {
        return byIdentity(tenant, source).filter(FieldMapping::isServed);
    }

    @Override
    public synchronized TableMappingSet table(
            TenantId tenant, ConnectorId connector, SourceTable table) {
        Predicate<FieldMapping> ofTable =
                m ->
                        m.tenant().equals(tenant)
                                && m.source().connector().equals(connector)
                                && m.source().table().sameAs(table);
        long version =
                rows.values().stream()
                        .filter(r -> ofTable.test(r.mapping()))
                        .mapToLong(Row::changeSeq)
                        .max()
                        .orElse(0);
        List<FieldMapping> served =
                mappings(ofTable.and(FieldMapping::isServed))
                        .sorted(Comparator.comparing(m -> m.source().field().name()))
                        .toList();
        SourceTable spelled = served.isEmpty() ? table : served.get(0).source().table();
        return TableMappingSet.of(connector, spelled, version, served);
    }

    @Override
    public synchronized Page<FieldMapping> search(
            TenantId tenant, MappingQuery query, PageRequest page) {
        Optional<String> text =
                query.text().filter(t -> !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT));
        List<FieldMapping> found =
                mappings(
                                m ->
                                        m.tenant().equals(tenant)
                                                && query.connector()
                                                        .map(m.source().connector()::equals)
                                                        .orElse(true)
                                                && query.table()
                                                        .map(m.source().table()::sameAs)
                                                        .orElse(true)
                                                && query.canonicalEntity()
                                                        .map(m.target().entity()::equalsIgnoreCase)
                                                        .orElse(true)
                                                && query.status()
                                                        .map(m.status()::equals)
                                                        .orElse(true)
                                                && text.map(t -> mentions(m, t)).orElse(true))
                        .sorted(Comparator.comparing(FieldMapping::source, LISTED))
                        .filter(m -> page.cursor().map(c -> after(m.source(), c)).orElse(true))
                        .limit(page.limit() + 1L)
                        .toList();
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<FieldMapping> items = found.subList(0, page.limit());
        return new Page<>(items, Optional.of(cursor(items.get(items.size() - 1).source())));
    }

    @Override
    public synchronized FieldMapping insert(FieldMapping mapping) {
        if (byIdentity(mapping.tenant(), mapping.source()).isPresent()) {
            throw new DuplicateMapping(mapping.source());
        }
        rows.put(mapping.id(), new Row(mapping, ++changes));
        return mapping;
    }

    @Override
    public synchronized FieldMapping update(FieldMapping next) {
        FieldMapping current =
                byId(next.tenant(), next.id())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "update of a mapping that is not stored: "
                                                        + next.id()));
        if (current.version() != next.version() - 1) {
            throw new StaleVersion(next.version() - 1, current.version());
        }
        rows.put(next.id(), new Row(next, ++changes));
        return next;
    }

    private Stream<FieldMapping> mappings(Predicate<FieldMapping> which) {
        return rows.values().stream().map(Row::mapping).filter(which);
    }

    private static boolean mentions(FieldMapping m, String text) {
        return Stream.of(
                        m.source().field().name(),
                        m.source().table().name(),
                        m.target().field(),
                        m.target().entity())
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).contains(text));
    }

    private static String[] listedKey(SourceRef source) {
        return new String[] {
            source.connector().value(), source.table().key(), source.field().name()
        };
    }

    /** The cursor names the last source listed, parts apart by a character no name holds. */
    private static String cursor(SourceRef last) {
        return String.join("\n", listedKey(last));
    }

    private static boolean after(SourceRef source, String cursor) {
        return Arrays.compare(listedKey(source), cursor.split("\n", -1)) > 0;
    }
}
