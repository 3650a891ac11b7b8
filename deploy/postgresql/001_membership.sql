-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet.
-- One version row per cluster (its version is the membership table's ETag) and one row per silo incarnation.
-- Idempotent by design: safe to run again by hand; the migrator runs it once.

CREATE TABLE IF NOT EXISTS dt_membership_version (
    cluster_id  text        NOT NULL PRIMARY KEY,
    -- Orleans accepts only canonical non-negative decimal ETags, so the version never goes below zero.
    version     integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS dt_membership (
    cluster_id      text        NOT NULL REFERENCES dt_membership_version (cluster_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    -- A restarted silo gets a new generation and so a new row; the old one stays, marked Dead (6).
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    -- Opaque to the database: "<silo>,<time>|<silo>,<time>"; NULL when nobody suspects the silo.
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);
