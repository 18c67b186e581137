import type { RfmGridCell } from "@/lib/rfm-grid/rfm-grid.types";

export function formatCellPercent(cell: RfmGridCell): string {
  return cell.percent === null ? "—" : `${cell.percent.toFixed(1)}%`;
}

export function formatAverageMonetary(cell: RfmGridCell): string {
  return cell.averageMonetary === null ? "—" : cell.averageMonetary.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "R5 F4 · Champions: 12 users (3.4%), average monetary 1,234.50" */
export function describeCell(cell: RfmGridCell): string {
  return `R${cell.recencyScore} F${cell.frequencyScore} · ${cell.segment}: ${cell.users.toLocaleString("en-US")} users (${formatCellPercent(cell)}), average monetary ${formatAverageMonetary(cell)}`;
}

/** Background of a cell: indigo, stronger for a larger share of users (0% = white). */
export function cellHeat(cell: RfmGridCell, maxPercent: number): { backgroundColor: string; color: string } {
  const share = cell.percent === null || maxPercent <= 0 ? 0 : cell.percent / maxPercent;
  const alpha = 0.08 + 0.72 * share;
  return { backgroundColor: cell.users === 0 ? "#f8fafc" : `rgba(79, 70, 229, ${alpha.toFixed(3)})`, color: alpha > 0.5 ? "#ffffff" : "#0f172a" };
}
