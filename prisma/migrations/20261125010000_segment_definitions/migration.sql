-- Saved segment definitions: governed, versioned data. One row = one immutable
-- version of one named definition of one model on one dataset. Saving an edit
-- inserts version n + 1 with a "what changed" note; rows are never updated
-- (the trigger below refuses it), so every number that quotes "v3" can be
-- reproduced later. Deleting a dataset still deletes its definitions (cascade).

CREATE TABLE "segment_definitions" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "model_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "playbook" JSONB,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "change_note" TEXT NOT NULL,
    CONSTRAINT "segment_definitions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "segment_definitions_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "segment_definitions_dataset_id_model_id_name_version_key" ON "segment_definitions"("dataset_id", "model_id", "name", "version");

ALTER TABLE "segment_definitions" ADD CONSTRAINT "segment_definitions_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "segment_definitions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'segment definition versions are immutable: save a new version instead';
END
$$;
CREATE TRIGGER "segment_definitions_no_update" BEFORE UPDATE ON "segment_definitions"
  FOR EACH ROW EXECUTE FUNCTION "segment_definitions_immutable"();
