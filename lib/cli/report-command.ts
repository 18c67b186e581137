import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { describeZodError } from "../http/api-error";
import { renderReport } from "../report/report-output";
import { reportQuerySchema } from "../report/report.types";

export const REPORT_USAGE = `  strata report DATASET [--format md|html|json] [--definition NAME[@VERSION]] [--out FILE]
      the segmentation report: segment table, recommendations, charts as tables (default Markdown to stdout;
      default definition: the most recently saved one)`;

/** `strata report`: bad arguments print the reason and return 2; an unknown dataset or definition throws NotFoundError. */
export async function runReportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string" }, definition: { type: "string" }, out: { type: "string" }, dataset: { type: "string" } },
  });
  const datasetName = positionals[0] ?? values.dataset;
  let query;
  try {
    if (!datasetName) throw new Error("report needs a DATASET name.");
    query = reportQuerySchema.parse({ format: values.format ?? "md", definition: values.definition });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${REPORT_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const text = await renderReport(db, datasetName, query);
  if (values.out === undefined || values.out === "-") process.stdout.write(text);
  else {
    writeFileSync(values.out, text);
    process.stderr.write(`Report of "${datasetName}" (${query.format}) → ${values.out}\n`);
  }
  return 0;
}
