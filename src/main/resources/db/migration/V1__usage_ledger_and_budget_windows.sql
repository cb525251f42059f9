-- The usage ledger (one row per provider call) and the budget windows (spend and reservations per budget, subject and
-- period). Portable SQL, the same on H2 and PostgreSQL: no vendor types, no vendor upserts.
CREATE TABLE usage_ledger (
    at_ms BIGINT NOT NULL,
    request_id VARCHAR(200),
    tenant VARCHAR(200) NOT NULL,
    provider VARCHAR(100) NOT NULL,
    model VARCHAR(200),
    task VARCHAR(50),
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cached_tokens INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    cost_nanos BIGINT NOT NULL,
    latency_ms BIGINT NOT NULL,
    outcome VARCHAR(50) NOT NULL
);

CREATE INDEX usage_ledger_at ON usage_ledger (at_ms);

CREATE TABLE budget_window (
    budget VARCHAR(100) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    period_key VARCHAR(10) NOT NULL,
    spent_nanos BIGINT NOT NULL,
    reserved_nanos BIGINT NOT NULL,
    PRIMARY KEY (budget, subject, period_key)
);
