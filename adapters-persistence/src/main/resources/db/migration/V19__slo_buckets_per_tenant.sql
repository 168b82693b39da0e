-- SLO counts per tenant as well as per node and bucket, so that the rollout guard can tell a breach
-- one tenant's own traffic explains from the fleet's. A table beside slo_buckets rather than a new
-- key on it: during a rolling update the nodes of the release before still add to slo_buckets with
-- their own ON CONFLICT (node, bucket_start), and must not fail. Its rows are forgotten with these
-- (two windows); the release after this one drops it.
CREATE TABLE slo_tenant_buckets (
    node                 varchar(64)  NOT NULL,
    bucket_start         timestamptz  NOT NULL,
    tenant_id            varchar(64)  NOT NULL,  -- '' for reads no tenant was named for
    reads                bigint       NOT NULL,
    failed_reads         bigint       NOT NULL,
    lookups              bigint       NOT NULL,
    slow_lookups         bigint       NOT NULL,
    lookup_latency       bigint[]     NOT NULL,  -- LatencyHistogram's buckets, fastest first
    cache_hits           bigint       NOT NULL,
    cache_misses         bigint       NOT NULL,
    dual_reads           bigint       NOT NULL,
    dual_read_mismatches bigint       NOT NULL,
    PRIMARY KEY (node, bucket_start, tenant_id)
);
CREATE INDEX slo_tenant_buckets_start ON slo_tenant_buckets (bucket_start);
