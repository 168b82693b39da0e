-- The human approval queue, and reviewer notifications (webhooks with an outbox of deliveries).

CREATE TABLE approvals (
    id               varchar(36)      PRIMARY KEY,
    tenant_id        varchar(64)      NOT NULL,
    change_type      varchar(32)      NOT NULL,
    change           text             NOT NULL,  -- the proposed change as JSON
    connector        varchar(64)      NOT NULL,
    source_table     varchar(255)     NOT NULL,
    source_field     varchar(255)     NOT NULL,
    canonical_entity varchar(128)     NOT NULL,
    confidence       double precision NOT NULL,
    proposal_id      varchar(36),
    status           varchar(16)      NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    submitted_by     varchar(255)     NOT NULL,
    submitted_at     timestamptz      NOT NULL,
    reason           text,
    decided_by       varchar(255),
    decided_at       timestamptz,
    notes            text,
    version          bigint           NOT NULL CHECK (version > 0)
);
CREATE INDEX approvals_pending ON approvals (tenant_id, submitted_at) WHERE status = 'PROPOSED';
CREATE INDEX approvals_proposal ON approvals (tenant_id, proposal_id);

CREATE TABLE webhooks (
    tenant_id   varchar(64)  NOT NULL,
    name        varchar(64)  NOT NULL,
    url         text         NOT NULL,
    secret      text         NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(255) NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE webhook_deliveries (
    id              varchar(36)  PRIMARY KEY,
    tenant_id       varchar(64)  NOT NULL,
    webhook         varchar(64)  NOT NULL,
    event           varchar(64)  NOT NULL,
    payload         text         NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE webhook_attempts (
    delivery_id  varchar(36) NOT NULL REFERENCES webhook_deliveries (id),
    attempt      int         NOT NULL,
    at           timestamptz NOT NULL,
    http_status  int,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
