-- Each time the rollout guard held a tenant on its YAML after a dual-read mismatch. A stage is
-- judged on the distinct tenants held since it began, whatever their settings became afterwards
-- (an admin who rejoins the plan does not take the hold back).
CREATE TABLE rollout_holds (
    tenant_id varchar(64) NOT NULL,
    held_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, held_at)
);
CREATE INDEX rollout_holds_held_at ON rollout_holds (held_at);
