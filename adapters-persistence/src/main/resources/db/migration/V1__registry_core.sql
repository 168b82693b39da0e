-- The registry core: mappings with a case-insensitive identity, and an append-only audit trail.

CREATE SEQUENCE mapping_change_seq;

CREATE TABLE field_mappings (
    id               varchar(36)      PRIMARY KEY,
    tenant_id        varchar(64)      NOT NULL,
    connector        varchar(64)      NOT NULL CHECK (connector = lower(connector)),
    source_table     varchar(255)     NOT NULL,
    source_field     varchar(255)     NOT NULL,
    canonical_entity varchar(128)     NOT NULL,
    canonical_field  varchar(128)     NOT NULL,
    transform        text,
    confidence       double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    status           varchar(16)      NOT NULL CHECK (status IN
                       ('PROPOSED', 'APPROVED', 'REJECTED', 'ACTIVE', 'NEEDS_REVIEW', 'DEPRECATED')),
    provenance       varchar(16)      NOT NULL,
    version          bigint           NOT NULL CHECK (version > 0),
    -- grows on every write to the row: a table's mapping-set version is the max over its rows
    change_seq       bigint           NOT NULL DEFAULT nextval('mapping_change_seq'),
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL,
    updated_by       varchar(255)     NOT NULL
);

-- Identity: connector lower-case, table case-insensitive, field exact.
CREATE UNIQUE INDEX field_mappings_identity
    ON field_mappings (tenant_id, connector, lower(source_table), source_field);
CREATE INDEX field_mappings_entity ON field_mappings (tenant_id, canonical_entity);

CREATE FUNCTION field_mappings_next_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('mapping_change_seq');
    RETURN NEW;
END $$;

CREATE TRIGGER field_mappings_change BEFORE UPDATE ON field_mappings
    FOR EACH ROW EXECUTE FUNCTION field_mappings_next_change();

CREATE TABLE audit_trail (
    seq          bigserial    PRIMARY KEY,
    tenant_id    varchar(64)  NOT NULL,
    subject_type varchar(32)  NOT NULL,
    subject_id   varchar(64)  NOT NULL,
    action       varchar(32)  NOT NULL,
    actor        varchar(255) NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    reason       text,
    version      bigint,
    before_state text,
    after_state  text
);

CREATE INDEX audit_trail_subject ON audit_trail (tenant_id, subject_type, subject_id, seq);
CREATE INDEX audit_trail_tenant_time ON audit_trail (tenant_id, occurred_at);

-- History is evidence: nobody, not even the service, may change or remove it.
CREATE FUNCTION audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only';
END $$;

CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_append_only();
