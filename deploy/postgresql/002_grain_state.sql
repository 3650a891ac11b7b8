-- Grain state for Microsoft.Orleans.Persistence.AdoNet: one row per (service, state name, grain id).
-- Idempotent by design: safe to run again by hand; the migrator runs it once.

CREATE TABLE IF NOT EXISTS dt_grain_state (
    service_id      text        NOT NULL,
    -- The state name of [PersistentState("name", ...)], not the grain class: two classes sharing a key and a
    -- state name share a row, so every twin class uses its own state name.
    state_name      text        NOT NULL,
    -- Guid keys are split into two halves, integer keys sit in n1, string keys are all in grain_ext.
    grain_n0        bigint      NOT NULL,
    grain_n1        bigint      NOT NULL,
    grain_ext       text        NULL,
    -- Signed 32-bit hashes computed by the provider. They are lossy, so never an identity, but they make
    -- lookups selective: for string keys n0 = n1 = 0 and grain_ext cannot be matched through an index with
    -- IS NOT DISTINCT FROM. Changing the provider's hasher would orphan every row.
    grain_hash      integer     NOT NULL,
    state_hash      integer     NOT NULL,
    -- Whatever the grain-storage serializer writes (UTF-8 JSON here). NULL once the state was cleared.
    payload         bytea       NULL,
    -- The ETag: starts at 1, +1 on every write or clear.
    version         integer     NOT NULL CHECK (version >= 0),
    modified_at     timestamptz NOT NULL DEFAULT now(),
    -- NULL-safe so that two concurrent first writes of a key without extension cannot both insert.
    CONSTRAINT dt_grain_state_identity
        UNIQUE NULLS NOT DISTINCT (service_id, state_name, grain_n0, grain_n1, grain_ext)
);

CREATE INDEX IF NOT EXISTS dt_grain_state_by_hash ON dt_grain_state (grain_hash, state_hash);
