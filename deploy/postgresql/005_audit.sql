-- The audit trail (DigitalTwin): append-only and hash-chained. Each row's hash covers its fields and prev_hash, the
-- hash of the row before (see AuditChain in src/DigitalTwin.Abstractions/Audit); `dt audit verify` walks it.
-- Appends take an advisory lock, so silos sharing this database write one chain.
CREATE TABLE IF NOT EXISTS dt_audit (
    seq       bigint NOT NULL PRIMARY KEY,
    time_ms   bigint NOT NULL,
    actor     text   NOT NULL,
    action    text   NOT NULL,
    twin_id   text   NULL,
    detail    text   NOT NULL,
    prev_hash text   NOT NULL,
    hash      text   NOT NULL
);
CREATE INDEX IF NOT EXISTS dt_audit_time ON dt_audit (time_ms);
CREATE INDEX IF NOT EXISTS dt_audit_actor ON dt_audit (actor, time_ms);
CREATE INDEX IF NOT EXISTS dt_audit_twin ON dt_audit (twin_id, time_ms);
