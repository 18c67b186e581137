import { csvLine } from "../csv/csv-cell";
import { formatPercent } from "../definitions/plain-numbers";
import type { RetentionCell, RetentionMatrix } from "./retention.types";

/**
 * How a matrix cell reads in the CLI table and the UI: "12.3%", "—" for an
 * empty cohort (0/0), blank for a period not yet started, and a trailing "*"
 * for a period still under way.
 */
export function formatRetentionCell(cell: RetentionCell): string {
  if (cell.state === "future") return "";
  const text = cell.percent === null ? "—" : formatPercent(cell.percent / 100);
  return cell.state === "partial" ? `${text}*` : text;
}

/** Column headers: "Week 0", "Week 1", … after the period unit. */
export function periodLabel(matrix: Pick<RetentionMatrix, "period">, period: number): string {
  return `${matrix.period[0]!.toUpperCase()}${matrix.period.slice(1)} ${period}`;
}

/**
 * The matrix as CSV: one line per cohort with its size, then users and percent
 * per period. Future cells are empty, never 0.
 */
export function retentionCsv(matrix: RetentionMatrix): string {
  const periods = Array.from({ length: matrix.periods + 1 }, (_, n) => n);
  const header = ["cohort_start", "cohort_size", ...periods.flatMap((n) => [`period_${n}_users`, `period_${n}_percent`, `period_${n}_state`])];
  const lines = [csvLine(header)];
  for (const cohort of matrix.cohorts) {
    lines.push(
      csvLine([
        cohort.start,
        cohort.size,
        ...cohort.cells.flatMap((cell) => [cell.users, cell.percent === null ? null : Number(cell.percent.toFixed(4)), cell.state]),
      ]),
    );
  }
  return lines.join("");
}
