-- Sign-in and other budgets, counted in the database so every process sees the same attempts.
CREATE TABLE rate_hits (
    bucket TEXT NOT NULL,
    at     BIGINT NOT NULL
);
CREATE INDEX rate_hits_bucket_at ON rate_hits(bucket, at);
