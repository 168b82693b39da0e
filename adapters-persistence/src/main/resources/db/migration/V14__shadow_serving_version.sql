-- Which configuration version served each shadowed proposal: a shadow's figures count only the
-- comparisons with the configuration serving now, never two baselines mixed.

ALTER TABLE shadow_comparisons ADD COLUMN serving_version bigint NOT NULL DEFAULT 0;
