-- A rejected proposal demotes its target for look-alike fields: approvals keep the source field's
-- look-alike key (its name split, folded and stemmed, as LookAlikeIndex computes it) and the full
-- target. The key is computed in Java, so approvals stored before this version have none and are
-- not counted; their targets are backfilled from the stored change.
ALTER TABLE approvals ADD COLUMN look_alike_key varchar(255);
ALTER TABLE approvals ADD COLUMN canonical_field varchar(128);
UPDATE approvals SET canonical_field = split_part((change::jsonb) ->> 'target', '.', 2);
CREATE INDEX approvals_rejected_look_alikes ON approvals (tenant_id, look_alike_key)
    WHERE status = 'REJECTED' AND change_type = 'map_field';
