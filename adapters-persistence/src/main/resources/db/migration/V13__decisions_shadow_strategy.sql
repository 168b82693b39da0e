-- The decision audit trail (one row per decision the intelligence made), strategy configuration
-- changes (per tenant, and the fleet's staged rollout under scope '*'), shadow settings per tenant
-- and the comparisons made under them.

CREATE TABLE decisions (
    seq                   bigserial        PRIMARY KEY,
    id                    varchar(36)      NOT NULL UNIQUE,
    tenant_id             varchar(64)      NOT NULL,
    decided_at            timestamptz      NOT NULL,
    kind                  varchar(16)      NOT NULL CHECK (kind IN ('proposal', 'drift-repair')),
    connector             varchar(128)     NOT NULL,
    source_table          varchar(512)     NOT NULL,
    source_field          varchar(512)     NOT NULL,
    configuration         varchar(64)      NOT NULL,  -- StrategyConfiguration's label
    strategy              varchar(16)      NOT NULL,
    mixed_rag_threshold   double precision NOT NULL,
    configuration_origin  varchar(16)      NOT NULL,
    configuration_version bigint           NOT NULL,
    llm_model             varchar(128),
    prompt_version        varchar(64),
    embedding_model       varchar(255)     NOT NULL,
    strategy_selected     varchar(64)      NOT NULL,
    selection_reason      text,
    strategy_answered     varchar(64)      NOT NULL,
    fallbacks             text             NOT NULL,  -- JSON array of {strategy, reason}
    answer                varchar(260),
    confidence            double precision NOT NULL,
    latency_micros        bigint           NOT NULL,
    violation             text,                       -- why it broke its configuration, if it did
    proposal_id           varchar(36)
);
CREATE INDEX decisions_tenant_time ON decisions (tenant_id, decided_at, id);
CREATE INDEX decisions_time ON decisions (decided_at);

CREATE TABLE strategy_changes (
    id                   bigserial        PRIMARY KEY,
    scope                varchar(64)      NOT NULL,  -- a tenant id, or '*' for the fleet's rollout
    sequence             bigint           NOT NULL CHECK (sequence > 0),
    strategy             varchar(16),                -- NULL: the installation's configuration
    mixed_rag_threshold  double precision,
    percent              int              NOT NULL CHECK (percent BETWEEN 0 AND 100),
    previous_strategy    varchar(16),
    previous_threshold   double precision,
    previous_percent     int              NOT NULL CHECK (previous_percent BETWEEN 0 AND 100),
    change               varchar(16)      NOT NULL CHECK (change IN ('set', 'rollout', 'rollback')),
    reason               text,
    forced               boolean          NOT NULL,
    decided_at           timestamptz      NOT NULL,
    decided_by           varchar(255)     NOT NULL,
    owner_tenant         varchar(64)      NOT NULL,
    UNIQUE (scope, sequence)
);
CREATE INDEX strategy_changes_recent ON strategy_changes (decided_at);

CREATE TABLE shadow_settings (
    tenant_id            varchar(64)      PRIMARY KEY,
    strategy             varchar(16)      NOT NULL,
    mixed_rag_threshold  double precision NOT NULL,
    sample               double precision NOT NULL CHECK (sample BETWEEN 0 AND 1),
    since                timestamptz      NOT NULL,
    started_by           varchar(255)     NOT NULL
);

CREATE TABLE shadow_comparisons (
    seq                  bigserial        PRIMARY KEY,
    tenant_id            varchar(64)      NOT NULL,
    compared_at          timestamptz      NOT NULL,
    candidate            varchar(64)      NOT NULL,
    connector            varchar(128)     NOT NULL,
    source_table         varchar(512)     NOT NULL,
    source_field         varchar(512)     NOT NULL,
    serving              varchar(64)      NOT NULL,
    serving_target       varchar(260)     NOT NULL,
    candidate_targets    text             NOT NULL,  -- up to three entity.field, comma-separated
    candidate_failure    text,
    agrees_top1          boolean          NOT NULL,
    agrees_top3          boolean          NOT NULL
);
CREATE INDEX shadow_comparisons_tenant_time ON shadow_comparisons (tenant_id, compared_at);
