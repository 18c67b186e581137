import { parseArgs } from "node:util";
import { getAudit } from "../audit/audit";
import type { Audit } from "../audit/audit.types";
import { getDatabase } from "../db/client";

export const AUDIT_USAGE = `  strata audit --dataset NAME [--json]
      tracking-plan audit: findings (severity, evidence, the instrumentation fix, analyses blocked)`;

function printAudit(audit: Audit): void {
  console.log(`${audit.dataset} · ${audit.events.toLocaleString("en-US")} events, ${audit.users.toLocaleString("en-US")} users · ${audit.findings.length} findings`);
  for (const finding of audit.findings) {
    console.log(`\n[${finding.severity.toUpperCase()}] ${finding.title}`);
    console.log(`  evidence: ${Object.entries(finding.evidence.counts).map(([key, value]) => `${key} ${value.toLocaleString("en-US")}`).join(", ")}`);
    for (const example of finding.evidence.examples) console.log(`    e.g. ${example}`);
    console.log(`  fix: ${finding.fix}`);
    console.log(`  blocks: ${finding.blocks.join(", ")}`);
  }
  console.log(`\n${audit.definition}`);
}

/** `strata audit`: bad arguments print the reason and return 2; an unknown dataset throws NotFoundError for the caller. */
export async function runAuditCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dataset: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!values.dataset) {
    console.error(`strata: audit needs --dataset NAME.\n\n${AUDIT_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const audit = await getAudit(db, values.dataset);
  if (values.json) console.log(JSON.stringify(audit, null, 2));
  else printAudit(audit);
  return 0;
}
