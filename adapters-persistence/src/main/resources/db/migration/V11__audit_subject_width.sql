-- A setting's audit subject is "<kind>:<name>": "canonical:" + a canonical entity name (up to 128
-- characters) or "webhook:" + a webhook name (up to 64) did not fit the 64 characters subject_id had,
-- so defining such an entity or webhook failed with a 500. Widening a varchar rewrites no rows.
ALTER TABLE audit_trail ALTER COLUMN subject_id TYPE varchar(255);
