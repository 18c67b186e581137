-- Segment snapshots: a saved definition version's segment assignments frozen
-- at the end of a month or week, so that past membership comes from what was
-- stored, never from today's features (metric-conventions.md: "a user's
-- current properties must not rewrite history"). Transitions between two
-- snapshots (lib/snapshots) read only these tables.
--
-- One segment_snapshots row = one (definition version, as-of) pair: the
-- features were computed as of `as_of` (exclusive; local midnight ending the
-- period in the dataset timezone), `as_of_day` is the last local day that
-- counted, and `segments` names the segments in definition order.
--
-- One segment_snapshot_members row = one user of that snapshot. `segment` is
-- a 0-based index into the snapshot's `segments` array rather than the name:
-- at 500k users × 12 snapshots (6M rows) a smallint keeps a row at its
-- minimum instead of repeating "Can't Lose Them" six million times.
--
-- Snapshots are immutable like definition versions (the triggers below refuse
-- UPDATE); deleting a dataset or a definition still deletes them (cascade).

CREATE TABLE "segment_snapshots" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "definition_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "as_of_day" DATE NOT NULL,
    "segments" TEXT[],
    "user_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "segment_snapshots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "segment_snapshots_period_check" CHECK ("period" IN ('month', 'week')),
    CONSTRAINT "segment_snapshots_segments_check" CHECK ("segments" IS NOT NULL AND cardinality("segments") >= 1),
    CONSTRAINT "segment_snapshots_user_count_check" CHECK ("user_count" >= 0)
);
CREATE UNIQUE INDEX "segment_snapshots_definition_id_as_of_key" ON "segment_snapshots"("definition_id", "as_of");
CREATE INDEX "segment_snapshots_dataset_id_idx" ON "segment_snapshots"("dataset_id");

CREATE TABLE "segment_snapshot_members" (
    "snapshot_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "segment" SMALLINT NOT NULL,
    CONSTRAINT "segment_snapshot_members_pkey" PRIMARY KEY ("snapshot_id", "user_id"),
    CONSTRAINT "segment_snapshot_members_segment_check" CHECK ("segment" >= 0)
);

ALTER TABLE "segment_snapshots" ADD CONSTRAINT "segment_snapshots_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "segment_snapshots" ADD CONSTRAINT "segment_snapshots_definition_id_fkey" FOREIGN KEY ("definition_id") REFERENCES "segment_definitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "segment_snapshot_members" ADD CONSTRAINT "segment_snapshot_members_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "segment_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "segment_snapshots_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'segment snapshots are immutable: take a snapshot of a new definition version instead';
END
$$;
CREATE TRIGGER "segment_snapshots_no_update" BEFORE UPDATE ON "segment_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "segment_snapshots_immutable"();
CREATE TRIGGER "segment_snapshot_members_no_update" BEFORE UPDATE ON "segment_snapshot_members"
  FOR EACH ROW EXECUTE FUNCTION "segment_snapshots_immutable"();
