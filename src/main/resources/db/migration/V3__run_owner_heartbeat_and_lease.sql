-- Who runs each run (host, process and when it started) and the heartbeat that process renews, so that a later run
-- can tell a run whose process died (its execution stays STARTED) from one still running, and take it over.
ALTER TABLE pb_run ADD COLUMN job_execution_id BIGINT;
ALTER TABLE pb_run ADD COLUMN host VARCHAR(255);
ALTER TABLE pb_run ADD COLUMN pid BIGINT;
ALTER TABLE pb_run ADD COLUMN process_started TIMESTAMP WITH TIME ZONE;
ALTER TABLE pb_run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pb_run ADD COLUMN failed_step VARCHAR(100);
ALTER TABLE pb_run ADD COLUMN exit_status INTEGER;
ALTER TABLE pb_run ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;

-- The lock of one biennium in one output folder, held for a whole run: a lease that the holder's heartbeat renews.
-- A holder whose process is gone (same host) or whose heartbeat stopped (any host) is taken over.
DROP TABLE pb_publish_lock;
CREATE TABLE pb_run_lock (
    lock_key         VARCHAR(64)   NOT NULL PRIMARY KEY,
    biennium         VARCHAR(16)   NOT NULL,
    output_dir       VARCHAR(1000) NOT NULL,
    run_id           VARCHAR(64)   NOT NULL,
    host             VARCHAR(255)  NOT NULL,
    pid              BIGINT        NOT NULL,
    process_started  TIMESTAMP WITH TIME ZONE,
    acquired_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
