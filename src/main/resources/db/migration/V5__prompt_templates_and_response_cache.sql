-- Prompt templates (docs/prompts.md): one row per version of a template, never updated. A new text is a new version;
-- two instances creating the next version at once collide on the primary key and the second one retries. Template
-- texts are held to the prompt limit (100,000 characters), within what VARCHAR holds on H2 and PostgreSQL alike.
CREATE TABLE prompt_template (
    template_id VARCHAR(100) NOT NULL,
    version INTEGER NOT NULL,
    template VARCHAR(100000) NOT NULL,
    system_text VARCHAR(100000),
    task VARCHAR(50),
    priority VARCHAR(20),
    max_tokens INTEGER,
    note VARCHAR(1000),
    source VARCHAR(300) NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (template_id, version)
);

-- A/B experiments between versions of a template (docs/prompts.md): the running split as "version:weight,..." (one
-- row per template, replaced by a new POST), and one row per request a template answered, with how it went and the
-- score a caller gave it later (POST /api/v1/feedback), in thousandths.
CREATE TABLE prompt_experiment (
    template_id VARCHAR(100) NOT NULL PRIMARY KEY,
    arms VARCHAR(1000) NOT NULL,
    started_ms BIGINT NOT NULL
);

CREATE TABLE prompt_outcome (
    request_id VARCHAR(200) NOT NULL PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    template_id VARCHAR(100) NOT NULL,
    version INTEGER NOT NULL,
    tenant VARCHAR(200) NOT NULL,
    failed BOOLEAN NOT NULL,
    cost_nanos BIGINT NOT NULL,
    latency_ms BIGINT NOT NULL,
    agreement_permille INTEGER,
    score_permille INTEGER
);

CREATE INDEX prompt_outcome_template ON prompt_outcome (template_id, version);

-- The response cache's hits (docs/cache.md): what each answer from the cache would have cost, in nano-dollars, and
-- the request whose stored answer it was. The hit's own row in usage_ledger (outcome cache_hit) costs nothing.
CREATE TABLE cache_hit (
    at_ms BIGINT NOT NULL,
    request_id VARCHAR(200),
    original_request_id VARCHAR(200),
    tenant VARCHAR(200) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    saved_nanos BIGINT NOT NULL
);

CREATE INDEX cache_hit_at ON cache_hit (at_ms);
