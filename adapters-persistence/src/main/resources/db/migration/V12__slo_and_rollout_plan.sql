-- SLO counts per node and time bucket (summed over the window across nodes), the fleet's rollout
-- stages (the newest is the plan), and tenants that follow the plan.

CREATE TABLE slo_buckets (
    node                 varchar(64)  NOT NULL,
    bucket_start         timestamptz  NOT NULL,
    reads                bigint       NOT NULL,
    failed_reads         bigint       NOT NULL,
    lookups              bigint       NOT NULL,
    slow_lookups         bigint       NOT NULL,
    lookup_latency       bigint[]     NOT NULL,  -- LatencyHistogram's buckets, fastest first
    cache_hits           bigint       NOT NULL,
    cache_misses         bigint       NOT NULL,
    dual_reads           bigint       NOT NULL,
    dual_read_mismatches bigint       NOT NULL,
    PRIMARY KEY (node, bucket_start)
);
CREATE INDEX slo_buckets_start ON slo_buckets (bucket_start);

CREATE TABLE rollout_stages (
    id                 bigint           PRIMARY KEY CHECK (id > 0),
    percent            int              NOT NULL CHECK (percent BETWEEN 0 AND 100),
    previous_percent   int              NOT NULL CHECK (previous_percent BETWEEN 0 AND 100),
    change             varchar(16)      NOT NULL CHECK (change IN ('advance', 'retreat', 'rollback')),
    reason             text,
    decided_at         timestamptz      NOT NULL,
    decided_by         varchar(255)     NOT NULL,
    owner_tenant       varchar(64)      NOT NULL,
    baseline_error_rate double precision NOT NULL,
    baseline_p95_ms    bigint           NOT NULL,
    halted_at          timestamptz
);

ALTER TABLE tenant_rollout DROP CONSTRAINT tenant_rollout_source_of_truth_check;
ALTER TABLE tenant_rollout ADD CONSTRAINT tenant_rollout_source_of_truth_check
    CHECK (source_of_truth IN ('registry', 'yaml', 'plan'));
CREATE INDEX tenant_rollout_following_plan ON tenant_rollout (tenant_id) WHERE source_of_truth = 'plan';
