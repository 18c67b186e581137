-- Recommendation playbooks: the rules that turn segment numbers into advice
-- (lib/recommendations/recommendation-rules.ts), edited per dataset. One row =
-- one immutable version; saving inserts version n + 1 with a note, and the
-- newest version is in force. "Reset to defaults" is a new version holding
-- the built-in rules. A dataset without rows uses the built-in rules
-- (version 0). Rows are never updated (the trigger refuses it), so a report
-- that says "playbook v3" can be reproduced later.

CREATE TABLE "recommendation_playbooks" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recommendation_playbooks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recommendation_playbooks_version_check" CHECK ("version" >= 1)
);
CREATE UNIQUE INDEX "recommendation_playbooks_dataset_id_version_key" ON "recommendation_playbooks"("dataset_id", "version");

ALTER TABLE "recommendation_playbooks" ADD CONSTRAINT "recommendation_playbooks_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "recommendation_playbooks_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'playbook versions are immutable: save a new version instead';
END
$$;
CREATE TRIGGER "recommendation_playbooks_no_update" BEFORE UPDATE ON "recommendation_playbooks"
  FOR EACH ROW EXECUTE FUNCTION "recommendation_playbooks_immutable"();
