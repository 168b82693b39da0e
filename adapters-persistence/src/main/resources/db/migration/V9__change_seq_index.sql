-- The semantic index on every node follows mapping writes in change_seq order ("what changed after N?").
CREATE INDEX field_mappings_change_seq ON field_mappings (change_seq);
