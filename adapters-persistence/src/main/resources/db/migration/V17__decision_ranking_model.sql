-- The version of the ranking model that weighed a decision's answer (the tenant's own re-ranker or
-- the global one); NULL for strategies without one and for decisions recorded before this version.

ALTER TABLE decisions ADD COLUMN ranking_model varchar(255);
