import { Table, tdNumericClass, thNumericClass } from "@/components/ui/table";
import type { AhaThreshold } from "@/lib/insights/insights.types";
import { countText, pointsText, rateText } from "./insight-labels";

const COLUMNS = ["k", "Users ≥ k", "Users < k", "Rate ≥ k", "Rate < k", "Difference", "Coverage"];

/** The aha curve's numbers, one row per k; the best k in bold, small samples greyed. */
export function AhaThresholdTable({ threshold, subjectLabel }: { threshold: AhaThreshold; subjectLabel: string }) {
  return (
    <Table caption={`Outcome rate of users with at least k ${subjectLabel} against fewer than k`} dense>
      <thead className="bg-slate-50">
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className={thNumericClass}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {threshold.curve.map((point) => (
          <tr
            key={point.k}
            data-testid="aha-row"
            data-k={point.k}
            className={`${point.k === threshold.bestK ? "font-semibold" : ""} ${point.smallSample ? "[&_td]:text-slate-400" : ""}`}
          >
            <td className={tdNumericClass}>
              {point.k}
              {point.k === threshold.bestK ? " (best)" : ""}
              {point.smallSample ? " (small sample)" : ""}
            </td>
            <td className={tdNumericClass}>{countText(point.usersWith)}</td>
            <td className={tdNumericClass}>{countText(point.usersWithout)}</td>
            <td className={tdNumericClass}>{rateText(point.rateWith)}</td>
            <td className={tdNumericClass}>{rateText(point.rateWithout)}</td>
            <td className={tdNumericClass}>{pointsText(point.difference)}</td>
            <td className={tdNumericClass}>{rateText(point.coverage)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
