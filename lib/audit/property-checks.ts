import type { Queryable } from "../db/db";
import { MAX_EXAMPLES, type AuditContext, type Finding } from "./audit.types";

/**
 * Properties whose values barely repeat: more than 1,000 distinct values and
 * more than half of the rows carrying the key. Keys named like identifiers
 * (…id, …Id, …_id) are meant to be unique and are skipped. Above 200,000
 * events a deterministic ~200,000-row sample (by a hash of the dedupe key) is
 * read, so counts are then estimates and say so.
 */
export const CARDINALITY = { minDistinct: 1000, minDistinctShare: 0.5, sampleRows: 200_000 } as const;
const ID_KEY = "(_id|Id|ID|^id)$";

export async function checkPropertyCardinality(db: Queryable, context: AuditContext): Promise<Finding[]> {
  const modulus = Math.max(1, Math.ceil(context.events / CARDINALITY.sampleRows));
  const rows = await db.query<{ key: string; rows: number; distinct_values: number; examples: string[] }>(
    `WITH pairs AS (
       SELECT p.key, p.value
       FROM events e CROSS JOIN LATERAL jsonb_each_text(e.properties) p
       WHERE e.dataset_id = $1 AND ($2::int = 1 OR abs(hashtext(e.dedupe_key)) % $2::int = 0)
         AND NOT p.key ~ $3
     )
     SELECT key, count(*)::int AS rows, count(DISTINCT value)::int AS distinct_values,
            (array_agg(DISTINCT value))[1:3] AS examples
     FROM pairs GROUP BY key
     HAVING count(DISTINCT value) > $4::int AND count(DISTINCT value) > $5::float8 * count(*)
     ORDER BY count(DISTINCT value) DESC, key`,
    [context.datasetId, modulus, ID_KEY, CARDINALITY.minDistinct, CARDINALITY.minDistinctShare],
  );
  if (rows.length === 0) return [];
  const sampled = modulus > 1 ? ` (in a 1-in-${modulus} sample)` : "";
  return [
    {
      id: "exploding-property-cardinality",
      severity: "medium",
      title: `${rows.length} properties have values that hardly repeat${sampled}`,
      evidence: {
        counts: Object.fromEntries(rows.flatMap((row) => [[`${row.key}.distinct`, row.distinct_values], [`${row.key}.rows`, row.rows]])),
        examples: rows.slice(0, MAX_EXAMPLES).map((row) => `${row.key}: ${row.distinct_values} distinct of ${row.rows} (e.g. ${row.examples.join(", ")})`),
      },
      fix: "Send free-form values (URLs with query strings, timestamps, search text) as a separate id property or bucket them; keep segmentation properties to a fixed vocabulary.",
      blocks: ["breakdowns", "segments"],
    },
  ];
}
