-- The jobs list reads an owner's records newest first, a page at a time, as a console polls it.
CREATE INDEX job_records_owner_newest ON job_records (tenant_id, instance_id DESC);
