-- Budget reservations as leases (owner = instance id, expiry), and a call id per ledger row, so a row replayed from
-- an instance's journal is written once.
CREATE TABLE budget_lease (
    lease_id VARCHAR(100) NOT NULL,
    budget VARCHAR(100) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    period_key VARCHAR(10) NOT NULL,
    owner VARCHAR(100) NOT NULL,
    estimate_nanos BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    PRIMARY KEY (lease_id, budget, subject, period_key)
);

CREATE INDEX budget_lease_expires ON budget_lease (expires_at_ms);

CREATE INDEX budget_lease_owner ON budget_lease (owner);

ALTER TABLE usage_ledger ADD COLUMN call_id VARCHAR(100);

CREATE UNIQUE INDEX usage_ledger_call ON usage_ledger (call_id);
