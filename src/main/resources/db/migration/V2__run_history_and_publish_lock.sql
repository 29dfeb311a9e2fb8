-- Published runs, for `pb-annex history` and for finding the previous run of a biennium.
CREATE TABLE pb_run (
    run_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    job_name        VARCHAR(100) NOT NULL,
    biennium        VARCHAR(16)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    started_at      TIMESTAMP    NOT NULL,
    finished_at     TIMESTAMP,
    input_checksum  VARCHAR(64)  NOT NULL,
    code_version    VARCHAR(100) NOT NULL,
    tables          VARCHAR(1000),
    partial_run     BOOLEAN      NOT NULL DEFAULT FALSE,
    checks_passed   INTEGER,
    checks_failed   INTEGER,
    output_dir      VARCHAR(1000),
    message         VARCHAR(2000)
);
CREATE INDEX pb_run_biennium ON pb_run (biennium, started_at);

-- At most one run publishes a biennium at a time: the row is the lock (primary key = biennium).
CREATE TABLE pb_publish_lock (
    biennium     VARCHAR(16) NOT NULL PRIMARY KEY,
    run_id       VARCHAR(64) NOT NULL,
    acquired_at  TIMESTAMP   NOT NULL
);
