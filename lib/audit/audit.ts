import { cachedAnalysis } from "../analytics/result-cache";
import type { Db } from "../db/db";
import { assertTimeZone } from "../features/as-of";
import { NotFoundError } from "../http/not-found-error";
import { auditSchema, type Audit, type AuditContext, type Finding } from "./audit.types";
import { checkDuplicateBursts, queryUserShapes, unsessionableUserFindings } from "./behavior-checks";
import { checkEventNames } from "./event-name-checks";
import { checkAnonymousIds, checkMissingUserIds } from "./identity-checks";
import { checkPropertyCardinality } from "./property-checks";
import { checkTimestamps } from "./time-checks";

const CHECKS = [checkMissingUserIds, checkAnonymousIds, checkEventNames, checkPropertyCardinality, checkTimestamps, checkDuplicateBursts];
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * The tracking-plan audit of a dataset, from its events, load jobs and
 * rejects: every check in one transaction with the dataset timezone (days
 * are local days), findings high first. Cached at the dataset's data version.
 */
export async function getAudit(db: Db, datasetName: string): Promise<Audit> {
  const [dataset] = await db.query<{ id: number; timezone: string; kind: string; signup_event: string | null; activation_event: string | null }>(
    `SELECT id, timezone, kind, signup_event, activation_event FROM datasets WHERE name = $1`,
    [datasetName],
  );
  if (!dataset) throw new NotFoundError(`There is no dataset named "${datasetName}".`);
  assertTimeZone(dataset.timezone);
  return cachedAnalysis(db, dataset.id, "audit", {}, () =>
    db.transaction(async (tx) => {
      // JIT compiles these full scans for longer than it saves; their hash aggregates fit in 256MB rather than spilling.
      await tx.query(`SELECT set_config('TimeZone', $1, true), set_config('jit', 'off', true), set_config('work_mem', '256MB', true)`, [dataset.timezone]);
      const shapes = await queryUserShapes(tx, dataset.id);
      const context: AuditContext = {
        datasetId: dataset.id,
        timezone: dataset.timezone,
        kind: dataset.kind,
        signupEvent: dataset.signup_event,
        activationEvent: dataset.activation_event,
        events: shapes.events,
        users: shapes.users,
      };
      const findings: Finding[] = unsessionableUserFindings(shapes);
      for (const check of CHECKS) findings.push(...(await check(tx, context)));
      findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : 1));
      return auditSchema.parse({
        dataset: datasetName,
        timezone: dataset.timezone,
        events: context.events,
        users: context.users,
        findings,
        definition:
          "Checks the loaded events, load jobs and rejects for tracking problems. Days are local days in the dataset timezone. " +
          "Severity: high = numbers on other tabs are wrong until fixed; medium = some analyses are degraded; low = worth knowing.",
      });
    }),
  );
}
