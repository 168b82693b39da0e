-- Sentence embeddings of ACTIVE mappings (derived data: recomputed when missing, never backed up), so that a
-- restart reloads the semantic index instead of embedding every mapping again.
CREATE TABLE mapping_embeddings (
    mapping_id  varchar(36)  NOT NULL,
    model_key   varchar(128) NOT NULL,
    tenant_id   varchar(64)  NOT NULL,
    vector      bytea        NOT NULL,
    PRIMARY KEY (mapping_id, model_key)
);
