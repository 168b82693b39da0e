-- Each scheduled run (schedule name + its planned time) is claimed by exactly one node.
CREATE TABLE schedule_claims (
    schedule   varchar(64)  NOT NULL,
    slot       timestamptz  NOT NULL,
    node       varchar(255) NOT NULL,
    claimed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (schedule, slot)
);
