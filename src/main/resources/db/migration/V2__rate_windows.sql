-- The cluster rate limit: calls taken per provider and rate window, shared by every instance on this database.
CREATE TABLE rate_window (
    provider VARCHAR(100) NOT NULL,
    window_start BIGINT NOT NULL,
    calls INTEGER NOT NULL,
    PRIMARY KEY (provider, window_start)
);
