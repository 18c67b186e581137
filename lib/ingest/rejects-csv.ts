import type { Db } from "../db/db";
import { csvLine } from "../csv/csv-cell";

const PAGE = 5_000;

/** Every rejected row of a job as CSV text chunks, paged by line so memory stays flat. */
export async function* rejectsCsv(db: Db, jobId: number): AsyncGenerator<string> {
  yield csvLine(["line", "field", "value", "reason"]);
  let after = 0;
  for (;;) {
    const rows = await db.query<{ line: number; field: string; value: string; reason: string }>(
      `SELECT line, field, value, reason FROM ingest_rejects WHERE job_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [jobId, after, PAGE],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => csvLine([row.line, row.field, row.value, row.reason])).join("");
    after = rows[rows.length - 1]!.line;
  }
}
