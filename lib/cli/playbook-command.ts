import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { utcMinute } from "../datasets/iso-timestamp";
import { getDatabase } from "../db/client";
import { describeZodError } from "../http/api-error";
import { describeWhen } from "../recommendations/playbook-wording";
import { PlaybookValidationError } from "../recommendations/playbook-validation";
import { savePlaybookRequestSchema, type PlaybookResponse } from "../recommendations/playbook.types";
import { getPlaybook, savePlaybook } from "../recommendations/recommendation-playbook";

export const PLAYBOOK_USAGE = `  strata playbook DATASET [--json] [--set FILE.json | --reset] [--note TEXT]
      the recommendation playbook in force (rules in plain words) and its versions; --set saves the rules in
      FILE.json (a list of rules, or the --json output edited) as a new version, --reset saves the built-in rules`;

/** The rules of a file: a list, `{ rules }`, or the whole `--json` output (`{ inForce: { rules } }`), so print → edit → set round-trips. */
export function rulesFromFile(content: unknown): unknown {
  if (Array.isArray(content) || content === null || typeof content !== "object") return content;
  const object = content as { rules?: unknown; inForce?: { rules?: unknown } };
  return object.rules ?? object.inForce?.rules ?? content;
}

export function formatPlaybook(playbook: PlaybookResponse): string {
  const { inForce } = playbook;
  const enabled = inForce.rules.filter((rule) => rule.enabled !== false).length;
  const source = inForce.builtIn
    ? "built-in rules (v0, never edited)"
    : `v${inForce.version}, saved ${utcMinute(inForce.savedAt!)}${inForce.note ? ` — "${inForce.note}"` : ""}`;
  const lines = [`Playbook of ${playbook.dataset}: ${source}; ${inForce.rules.length} rules, ${enabled} enabled.`, ""];
  for (const rule of inForce.rules) {
    lines.push(`${rule.enabled === false ? "[off]" : "[on] "} ${rule.id} · ${rule.category} · for ${rule.audience.join(", ")}`);
    lines.push(`      ${describeWhen(rule)}`);
    lines.push(`      Says: ${rule.message}`);
    lines.push(`      → ${rule.action}`);
  }
  if (playbook.versions.length > 0) {
    lines.push("", "Versions (newest first):");
    for (const version of playbook.versions) {
      const note = version.note ? `"${version.note}" — ` : "";
      lines.push(`  v${version.version}  ${utcMinute(version.savedAt!)}  ${note}${version.changes.join("; ")} (${version.enabledCount}/${version.ruleCount} rules on)`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `strata playbook`: bad arguments or an invalid playbook print the reasons and return 2. */
export async function runPlaybookCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, set: { type: "string" }, reset: { type: "boolean", default: false }, note: { type: "string" }, dataset: { type: "string" } },
  });
  const datasetName = positionals[0] ?? values.dataset;
  let request = null;
  try {
    if (!datasetName) throw new Error("playbook needs a DATASET name.");
    if (values.set !== undefined && values.reset) throw new Error("Use either --set FILE.json or --reset, not both.");
    if (values.set !== undefined) {
      let content: unknown;
      try {
        content = JSON.parse(readFileSync(values.set, "utf8"));
      } catch (error) {
        throw new Error(`${values.set}: ${(error as Error).message}`);
      }
      request = savePlaybookRequestSchema.parse({ rules: rulesFromFile(content), note: values.note });
    } else if (values.reset) request = savePlaybookRequestSchema.parse({ reset: true, note: values.note });
    else if (values.note !== undefined) throw new Error("--note goes with --set or --reset.");
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${PLAYBOOK_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  if (request) {
    try {
      const saved = await savePlaybook(db, datasetName, request);
      process.stderr.write(`Saved playbook v${saved.version} of "${datasetName}": ${saved.changes.join("; ")}.\n`);
    } catch (error) {
      if (!(error instanceof PlaybookValidationError)) throw error;
      console.error(`strata: the playbook is not valid:\n${error.errors.map((message) => `  - ${message}`).join("\n")}`);
      return 2;
    }
  }
  const playbook = await getPlaybook(db, datasetName);
  process.stdout.write(values.json ? `${JSON.stringify(playbook, null, 2)}\n` : formatPlaybook(playbook));
  return 0;
}
