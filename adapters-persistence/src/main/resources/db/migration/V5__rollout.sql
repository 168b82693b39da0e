-- Per-tenant rollout control: source of truth (registry | yaml), legacy folder, dual-read.
CREATE TABLE tenant_rollout (
    tenant_id       varchar(64)  PRIMARY KEY,
    source_of_truth varchar(16)  NOT NULL CHECK (source_of_truth IN ('registry', 'yaml')),
    legacy_path     varchar(1024),
    dual_read       boolean      NOT NULL DEFAULT false,
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(255) NOT NULL
);
