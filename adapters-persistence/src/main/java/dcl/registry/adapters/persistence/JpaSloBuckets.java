package dcl.registry.adapters.persistence;

import dcl.registry.domain.port.out.SloBuckets;
import dcl.registry.domain.slo.LatencyHistogram;
import dcl.registry.domain.slo.SloCounts;
import dcl.registry.domain.slo.TenantSloCounts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SLO counts in PostgreSQL: each node adds to its own row per bucket and tenant (so nodes never
 * contend), and the window is one sum per tenant over those rows.
 */
@DatabaseAdapter
class JpaSloBuckets implements SloBuckets {
    @PersistenceContext(unitName = "registry")
    EntityManager em;

    @Override
    public void add(String node, Instant bucketStart, String tenant, SloCounts c) {
        em.createNativeQuery(
                        "INSERT INTO slo_tenant_buckets (node, bucket_start, reads, failed_reads, lookups,"
                                + " slow_lookups, lookup_latency, cache_hits, cache_misses, dual_reads,"
                                + " dual_read_mismatches, tenant_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                                + " CAST(?7 AS bigint[]), ?8, ?9, ?10, ?11, ?12) ON CONFLICT (node,"
                                + " bucket_start, tenant_id) DO"
                                + " UPDATE SET reads = slo_tenant_buckets.reads + EXCLUDED.reads, failed_reads"
                                + " = slo_tenant_buckets.failed_reads + EXCLUDED.failed_reads, lookups ="
                                + " slo_tenant_buckets.lookups + EXCLUDED.lookups, slow_lookups ="
                                + " slo_tenant_buckets.slow_lookups + EXCLUDED.slow_lookups, lookup_latency ="
                                + " (SELECT array_agg(a + b ORDER BY i) FROM"
                                + " unnest(slo_tenant_buckets.lookup_latency, EXCLUDED.lookup_latency) WITH"
                                + " ORDINALITY AS t(a, b, i)), cache_hits = slo_tenant_buckets.cache_hits +"
                                + " EXCLUDED.cache_hits, cache_misses = slo_tenant_buckets.cache_misses +"
                                + " EXCLUDED.cache_misses, dual_reads = slo_tenant_buckets.dual_reads +"
                                + " EXCLUDED.dual_reads, dual_read_mismatches ="
                                + " slo_tenant_buckets.dual_read_mismatches + EXCLUDED.dual_read_mismatches")
                .setParameter(1, node)
                .setParameter(2, Timestamp.from(bucketStart))
                .setParameter(3, c.reads())
                .setParameter(4, c.failedReads())
                .setParameter(5, c.lookups())
                .setParameter(6, c.slowLookups())
                .setParameter(7, arrayLiteral(c.lookupLatency().counts()))
                .setParameter(8, c.cacheHits())
                .setParameter(9, c.cacheMisses())
                .setParameter(10, c.dualReads())
                .setParameter(11, c.dualReadMismatches())
                .setParameter(12, tenant)
                .executeUpdate();
    }

    @Override
    public TenantSloCounts since(Instant from) {
        StringBuilder latency = new StringBuilder();
        for (int i = 1; i <= LatencyHistogram.BUCKETS; i++) {
            latency.append(", COALESCE(SUM(lookup_latency[").append(i).append("]), 0)");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT tenant_id, SUM(reads), SUM(failed_reads), SUM(lookups),"
                                        + " SUM(slow_lookups), SUM(cache_hits), SUM(cache_misses),"
                                        + " SUM(dual_reads), SUM(dual_read_mismatches)"
                                        + latency
                                        + " FROM slo_tenant_buckets WHERE bucket_start >= ?1 GROUP BY"
                                        + " tenant_id")
                        .setParameter(1, Timestamp.from(from))
                        .getResultList();
        Map<String, SloCounts> byTenant = new HashMap<>();
        for (Object[] c : rows) {
            long[] histogram = new long[LatencyHistogram.BUCKETS];
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] = number(c[9 + i]);
            }
            byTenant.put(
                    (String) c[0],
                    new SloCounts(
                            number(c[1]),
                            number(c[2]),
                            number(c[3]),
                            number(c[4]),
                            LatencyHistogram.of(histogram),
                            number(c[5]),
                            number(c[6]),
                            number(c[7]),
                            number(c[8])));
        }
        return new TenantSloCounts(byTenant);
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        // slo_buckets: what nodes of the release before V19 still add during a rolling update
        em.createNativeQuery("DELETE FROM slo_buckets WHERE bucket_start < ?1")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
        return em.createNativeQuery("DELETE FROM slo_tenant_buckets WHERE bucket_start < ?1")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
    }

    private static long number(Object sum) {
        return ((Number) sum).longValue();
    }

    private static String arrayLiteral(long[] counts) {
        return Arrays.stream(counts)
                .mapToObj(Long::toString)
                .collect(Collectors.joining(",", "{", "}"));
    }
}
