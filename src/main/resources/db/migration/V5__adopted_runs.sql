-- A run a new database found published in an output folder (PublishedRun.newestPublishing) is written into the
-- history from its manifest, once: adopted_at says when (null: a run this database ran), languages and formats what it
-- published (a run of its own keeps them in its job parameters). Spring Batch's tables hold no such run.
ALTER TABLE pb_run ADD COLUMN adopted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pb_run ADD COLUMN languages VARCHAR(100);
ALTER TABLE pb_run ADD COLUMN formats VARCHAR(100);
