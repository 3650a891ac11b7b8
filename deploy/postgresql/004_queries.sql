-- The query texts the Orleans ADO.NET providers load at start (clustering, grain state, reminders).
-- The providers read this table with unquoted identifiers, so it and its columns are lower case.
-- Idempotent by design: every row is upserted, so re-running the script refreshes the texts.
-- A silo or client picks up a changed text only when it restarts.
--
-- Conventions the providers impose: placeholders are @Name and are all bound by the provider; every time is
-- timestamptz; boolean answers are exactly one row with one column; membership reads are one SELECT that
-- always returns the version row.

CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- ---------------------------------------------------------------- clustering
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO dt_membership_version (cluster_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (cluster_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS created
$q$),

('MembershipReadAllKey', $q$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
  FROM dt_membership_version v
  LEFT JOIN dt_membership m ON m.cluster_id = v.cluster_id
 WHERE v.cluster_id = @DeploymentId
$q$),

('MembershipReadRowKey', $q$
SELECT v.version         AS Version,
       m.address         AS Address,
       m.port            AS Port,
       m.generation      AS Generation,
       m.silo_name       AS SiloName,
       m.host_name       AS HostName,
       m.status          AS Status,
       m.proxy_port      AS ProxyPort,
       m.suspect_times   AS SuspectTimes,
       m.start_time      AS StartTime,
       m.i_am_alive_time AS IAmAliveTime
  FROM dt_membership_version v
  LEFT JOIN dt_membership m
         ON m.cluster_id = v.cluster_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.cluster_id = @DeploymentId
$q$),

-- The version row is bumped only when it still holds the version the silo read and the silo is not yet a
-- member; the insert hangs off that bump, so both happen or neither does.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE dt_membership_version
       SET version = version + 1
     WHERE cluster_id = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (SELECT 1 FROM dt_membership
                        WHERE cluster_id = @DeploymentId
                          AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING cluster_id
), joined AS (
    INSERT INTO dt_membership (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                               suspect_times, start_time, i_am_alive_time)
    SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           NULL, @StartTime, @IAmAliveTime
      FROM bumped
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM joined) AS inserted
$q$),

('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE dt_membership_version
       SET version = version + 1
     WHERE cluster_id = @DeploymentId
       AND version = @Version
       AND EXISTS (SELECT 1 FROM dt_membership
                    WHERE cluster_id = @DeploymentId
                      AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING cluster_id
), changed AS (
    UPDATE dt_membership m
       SET status = @Status,
           suspect_times = NULLIF(@SuspectTimes, ''),
           i_am_alive_time = @IAmAliveTime
      FROM bumped b
     WHERE m.cluster_id = b.cluster_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed) AS updated
$q$),

-- The heartbeat: it must not move the version, or every heartbeat would invalidate every silo's ETag.
('UpdateIAmAlivetimeKey', $q$
UPDATE dt_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE cluster_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- Silos without a gateway endpoint have proxy port 0; advertising them would send clients to port 0.
('GatewaysQueryKey', $q$
SELECT address    AS Address,
       proxy_port AS ProxyPort,
       generation AS Generation
  FROM dt_membership
 WHERE cluster_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0
$q$),

-- The members go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM dt_membership_version WHERE cluster_id = @DeploymentId
$q$),

('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM dt_membership
 WHERE cluster_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
$q$),

-- Preferred by the provider over the bulk cleanup: it has already chosen the row from a snapshot, so the row
-- is removed only if it is still exactly what was seen (Dead, same times, same votes, "" counted as none).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM dt_membership
 WHERE cluster_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND NULLIF(suspect_times, '') IS NOT DISTINCT FROM NULLIF(@SuspectTimes, '')
$q$),

-- ---------------------------------------------------------------- grain state
-- Every statement matches the hashes first (selective, indexed) and then the full natural key (exact).

('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary,
       version AS Version
  FROM dt_grain_state
 WHERE grain_hash = @GrainIdHash AND state_hash = @GrainTypeHash
   AND service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
   AND grain_ext IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Without a version the row must not exist yet (a cleared row still exists); with one, the stored version
-- must equal it. Either way one statement decides and writes, and no row back means a conflict.
('WriteToStorageKey', $q$
WITH created AS (
    INSERT INTO dt_grain_state (service_id, state_name, grain_n0, grain_n1, grain_ext,
                                grain_hash, state_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT dt_grain_state_identity DO NOTHING
    RETURNING version
), replaced AS (
    UPDATE dt_grain_state
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND grain_hash = @GrainIdHash AND state_hash = @GrainTypeHash
       AND service_id = @ServiceId AND state_name = @GrainTypeString
       AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
       AND grain_ext IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM created
UNION ALL
SELECT version FROM replaced
$q$),

-- Clearing keeps the row with no payload and a new version, so a writer holding the old ETag still conflicts.
('ClearStorageKey', $q$
UPDATE dt_grain_state
   SET payload = NULL, version = version + 1, modified_at = now()
 WHERE grain_hash = @GrainIdHash AND state_hash = @GrainTypeHash
   AND service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
   AND grain_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version
$q$),

-- Used only with DeleteStateOnClear = true.
('DeleteStorageKey', $q$
DELETE FROM dt_grain_state
 WHERE grain_hash = @GrainIdHash AND state_hash = @GrainTypeHash
   AND service_id = @ServiceId AND state_name = @GrainTypeString
   AND grain_n0 = @GrainIdN0 AND grain_n1 = @GrainIdN1
   AND grain_ext IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1
$q$),

-- ---------------------------------------------------------------- reminders

('ReadReminderRowsKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM dt_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

-- The provider calls this one when begin < end (signed): the ring range (begin, end] does not wrap.
('ReadRangeRows1Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM dt_reminder
 WHERE service_id = @ServiceId
   AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- ... and this one otherwise: the range wraps around (or is the whole ring when begin = end).
('ReadRangeRows2Key', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM dt_reminder
 WHERE service_id = @ServiceId
   AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime,
       period_ms AS Period, version AS Version
  FROM dt_reminder
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- Last writer wins, but every upsert yields a new version so that older ETags go stale.
('UpsertReminderRowKey', $q$
INSERT INTO dt_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms  = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version    = dt_reminder.version + 1
RETURNING version AS Version
$q$),

('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM dt_reminder
     WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS removed
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM dt_reminder WHERE service_id = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
