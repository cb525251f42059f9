-- One row per consensus or cascade vote: the share of the panel that agreed, in thousandths (null when the panel
-- reached no vote), and for a cascade whether it escalated and what it saved against the strong provider alone, in
-- nano-dollars (negative when escalating cost more). The dashboard's agreement chart and cascade savings read it, so
-- they survive a restart as the costs do.
CREATE TABLE consensus_vote (
    at_ms BIGINT NOT NULL,
    request_id VARCHAR(200),
    tenant VARCHAR(200) NOT NULL,
    mode VARCHAR(20) NOT NULL,
    algorithm VARCHAR(50),
    agreement_permille INTEGER,
    escalated BOOLEAN,
    saved_nanos BIGINT
);

CREATE INDEX consensus_vote_at ON consensus_vote (at_ms);
