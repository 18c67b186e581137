-- Activity rollup: one row per (user, local day with at least one event), in
-- the dataset's timezone. Retention, lifecycle and stickiness only ask "was
-- this user active on this day", so they read these ~4× fewer rows, already
-- bucketed, instead of every event (lib/activity).
--
-- Rows are only ever added (events are never deleted) and adding is
-- idempotent (ON CONFLICT), so a job can be rolled up again safely: each
-- ingest job's rolled-up `accepted` count is kept, and a job whose count grew
-- (a resumed or still-running load) is rolled up again. A timezone change
-- rebuilds the dataset's rows.

CREATE TABLE "activity_days" (
    "dataset_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "purchased" BOOLEAN NOT NULL,
    CONSTRAINT "activity_days_pkey" PRIMARY KEY ("dataset_id","user_id","day")
);

CREATE TABLE "activity_rollups" (
    "dataset_id" INTEGER NOT NULL,
    "timezone" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "activity_rollups_pkey" PRIMARY KEY ("dataset_id")
);

CREATE TABLE "activity_rollup_jobs" (
    "job_id" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    CONSTRAINT "activity_rollup_jobs_pkey" PRIMARY KEY ("job_id")
);

ALTER TABLE "activity_days" ADD CONSTRAINT "activity_days_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "activity_rollups" ADD CONSTRAINT "activity_rollups_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "activity_rollup_jobs" ADD CONSTRAINT "activity_rollup_jobs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingest_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
