-- Lifecycle features (definitions: lib/features/feature-sql.ts), so that the
-- lifecycle stages "Activated" and "Resurrected" and the engagement score's
-- "retained" outcome have data.
--
-- Nullable, with no default: rows written before this migration have no value
-- (NULL) until the next feature refresh recomputes them, rather than a made-up
-- 0/false. After a refresh, activated_at is NULL only for users who never did
-- the activation event (or when the dataset names none); the other two are
-- always filled.

ALTER TABLE "user_features" ADD COLUMN "activated_at" TIMESTAMPTZ(3);
ALTER TABLE "user_features" ADD COLUMN "return_gap_days_30d" INTEGER;
ALTER TABLE "user_features" ADD COLUMN "retained" BOOLEAN;
