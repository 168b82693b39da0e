-- The audit trail doubles as the transactional outbox of the runtime's change feed:
-- a tenant reads its mapping changes in seq order.
CREATE INDEX audit_trail_feed ON audit_trail (tenant_id, seq) WHERE subject_type = 'mapping';
