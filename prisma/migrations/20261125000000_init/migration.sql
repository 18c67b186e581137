-- Strata initial schema. Hand-written (prisma migrate cannot run offline) and
-- checked against prisma/schema.prisma by lib/db/schema-drift.db.test.ts.

CREATE TABLE "datasets" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "session_timeout_minutes" INTEGER NOT NULL DEFAULT 30,
    "signup_event" TEXT,
    "activation_event" TEXT,
    "conversion_event" TEXT,
    "cancel_event" TEXT,
    "revenue_field" TEXT,
    "core_features" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dimensions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" TEXT NOT NULL DEFAULT 'events',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "datasets_name_key" ON "datasets"("name");

-- One row per accepted event. The primary key is the dedupe identity:
-- 'i:<insert id>' when the source sends one, else 'h:<content hash>:<k>' for
-- the k-th identical row of a file (see lib/ingest/dedupe-key.ts).
CREATE TABLE "events" (
    "dataset_id" INTEGER NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "revenue" DOUBLE PRECISION,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "job_id" INTEGER NOT NULL,
    CONSTRAINT "events_pkey" PRIMARY KEY ("dataset_id","dedupe_key")
);
CREATE INDEX "events_dataset_id_user_id_ts_idx" ON "events"("dataset_id", "user_id", "ts");
CREATE INDEX "events_dataset_id_job_id_idx" ON "events"("dataset_id", "job_id");

CREATE TABLE "user_profiles" (
    "dataset_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "signup_at" TIMESTAMPTZ(3),
    "traits" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "user_profiles_pkey" PRIMARY KEY ("dataset_id","user_id")
);

CREATE TABLE "ingest_jobs" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'running',
    "bytes_total" BIGINT NOT NULL DEFAULT 0,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "lines_committed" INTEGER NOT NULL DEFAULT 0,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "ingest_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ingest_jobs_dataset_id_fingerprint_idx" ON "ingest_jobs"("dataset_id", "fingerprint");

CREATE TABLE "ingest_rejects" (
    "job_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ingest_rejects_pkey" PRIMARY KEY ("job_id","line")
);

CREATE TABLE "user_features" (
    "dataset_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "recency_days" INTEGER NOT NULL,
    "frequency" INTEGER NOT NULL,
    "monetary" DOUBLE PRECISION NOT NULL,
    "sessions_total" INTEGER NOT NULL,
    "sessions_7d" INTEGER NOT NULL,
    "sessions_30d" INTEGER NOT NULL,
    "sessions_per_week" DOUBLE PRECISION NOT NULL,
    "active_days_7d" INTEGER NOT NULL,
    "active_days_30d" INTEGER NOT NULL,
    "active_days_90d" INTEGER NOT NULL,
    "weeks_active_12" INTEGER NOT NULL,
    "events_per_active_week" DOUBLE PRECISION NOT NULL,
    "core_features_used" INTEGER NOT NULL,
    "converted" BOOLEAN NOT NULL,
    "converted_at" TIMESTAMPTZ(3),
    "days_to_convert" DOUBLE PRECISION,
    "conversion_path_depth" INTEGER,
    "cancelled" BOOLEAN NOT NULL,
    "activity_30d_vs_baseline" DOUBLE PRECISION,
    "channel" TEXT,
    "plan" TEXT,
    "country" TEXT,
    "signup_at" TIMESTAMPTZ(3),
    CONSTRAINT "user_features_pkey" PRIMARY KEY ("dataset_id","user_id")
);

CREATE TABLE "feature_refreshes" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "last_job_id" INTEGER NOT NULL,
    "users" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "feature_refreshes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "feature_refreshes_dataset_id_finished_at_idx" ON "feature_refreshes"("dataset_id", "finished_at");

ALTER TABLE "events" ADD CONSTRAINT "events_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_jobs" ADD CONSTRAINT "ingest_jobs_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ingest_rejects" ADD CONSTRAINT "ingest_rejects_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingest_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_features" ADD CONSTRAINT "user_features_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feature_refreshes" ADD CONSTRAINT "feature_refreshes_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
