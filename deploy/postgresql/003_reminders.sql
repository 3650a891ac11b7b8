-- Reminders for Microsoft.Orleans.Reminders.AdoNet: one row per (service, grain, reminder name).
-- Idempotent by design: safe to run again by hand; the migrator runs it once.

CREATE TABLE IF NOT EXISTS dt_reminder (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    -- Milliseconds; periods above about 24.8 days do not fit in an integer.
    period_ms     bigint      NOT NULL,
    -- The grain's uniform hash as a signed 32-bit value: silos read the ring ranges they own with signed
    -- comparisons, so it must not be converted to unsigned.
    grain_hash    integer     NOT NULL,
    -- The ETag: 1 on insert, +1 on every upsert.
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS dt_reminder_by_hash ON dt_reminder (service_id, grain_hash);
