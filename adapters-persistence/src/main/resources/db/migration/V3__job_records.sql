-- Progress and report of each batch job instance (restarts continue the same record).
CREATE TABLE job_records (
    instance_id bigint       PRIMARY KEY,
    tenant_id   varchar(64)  NOT NULL,
    started_by  varchar(255) NOT NULL,
    total       bigint       NOT NULL DEFAULT 0,
    processed   bigint       NOT NULL DEFAULT 0,
    failed      bigint       NOT NULL DEFAULT 0,
    report      text         NOT NULL DEFAULT '{}',
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
