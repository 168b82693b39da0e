-- SLO counts per tenant as well as per node and bucket, so that the rollout guard can tell a breach
-- one tenant's own traffic explains from the fleet's. Counts stored before are no tenant's ('').
ALTER TABLE slo_buckets ADD COLUMN tenant_id varchar(64) NOT NULL DEFAULT '';
ALTER TABLE slo_buckets DROP CONSTRAINT slo_buckets_pkey;
ALTER TABLE slo_buckets ADD PRIMARY KEY (node, bucket_start, tenant_id);
