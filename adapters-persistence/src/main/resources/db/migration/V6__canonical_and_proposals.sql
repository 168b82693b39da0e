-- Canonical schemas per tenant (the default CRM model is installed on first use) and stored proposals.
CREATE TABLE canonical_tenants (
    tenant_id    varchar(64)  PRIMARY KEY,
    installed_at timestamptz  NOT NULL DEFAULT now(),
    installed_by varchar(255) NOT NULL
);

CREATE TABLE canonical_entities (
    tenant_id   varchar(64)  NOT NULL,
    name        varchar(128) NOT NULL,
    description text,
    fields      text         NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(255) NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE mapping_proposals (
    id               varchar(36)      PRIMARY KEY,
    tenant_id        varchar(64)      NOT NULL,
    connector        varchar(64)      NOT NULL,
    source_table     varchar(255)     NOT NULL,
    source_field     varchar(255)     NOT NULL,
    canonical_entity varchar(128)     NOT NULL,
    canonical_field  varchar(128)     NOT NULL,
    confidence       double precision NOT NULL,
    strategy         varchar(32)      NOT NULL,
    evidence         text             NOT NULL,
    status           varchar(16)      NOT NULL DEFAULT 'PROPOSED',
    created_at       timestamptz      NOT NULL,
    created_by       varchar(255)     NOT NULL
);
CREATE INDEX mapping_proposals_tenant ON mapping_proposals (tenant_id, created_at);
