import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import { formatPercent } from "@/lib/definitions/plain-numbers";
import type { BehaviorInsight, Outcome } from "@/lib/insights/insights.types";
import { SMALL_SAMPLE } from "@/lib/insights/stats";
import { countText, directionHeading, intervalText, liftText, pointsText, rateText } from "./insight-labels";

interface RankedBehaviorsTableProps {
  direction: "raises" | "lowers";
  outcome: Outcome;
  behaviors: readonly BehaviorInsight[];
}

const COLUMNS = ["Users with", "Users without", "Rate with", "Rate without", "Lift", "Difference", "95% CI (pp)", "Coverage"];

/** One direction's behaviors in rank order; small samples stay in the table, greyed and marked, below the rest. */
export function RankedBehaviorsTable({ direction, outcome, behaviors }: RankedBehaviorsTableProps) {
  const heading = directionHeading(direction, outcome);
  const hasSmall = behaviors.some((behavior) => behavior.smallSample);
  return (
    <div className="space-y-2" data-testid={`behaviors-${direction}`}>
      <h3 className="text-sm font-semibold text-slate-800">
        {heading} <span className="font-normal text-slate-500">({behaviors.length})</span>
      </h3>
      {behaviors.length === 0 ? (
        <p className="text-sm text-slate-500">No behavior goes with a {direction === "raises" ? "higher" : "lower"} rate.</p>
      ) : (
        <Table caption={`${heading}: behaviors ranked by effect weighted by reach`} dense>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={thNumericClass}>
                #
              </th>
              <th scope="col" className={thClass}>
                Behavior
              </th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className={thNumericClass}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {behaviors.map((behavior, index) => (
              <tr
                key={behavior.id}
                data-testid="behavior-row"
                data-id={behavior.id}
                data-small-sample={behavior.smallSample}
                className={behavior.smallSample ? "bg-slate-50 text-slate-400 [&_td]:text-slate-400 [&_th]:text-slate-400" : undefined}
                title={behavior.sentence}
              >
                <td className={tdNumericClass}>{index + 1}</td>
                <th scope="row" className={`${tdClass} max-w-[22rem] font-medium whitespace-normal`}>
                  {behavior.label}
                  {behavior.smallSample && <span className="ml-1 text-xs font-normal">(small sample)</span>}
                </th>
                <td className={tdNumericClass} data-testid="users-with">
                  {countText(behavior.usersWith)}
                </td>
                <td className={tdNumericClass} data-testid="users-without">
                  {countText(behavior.usersWithout)}
                </td>
                <td className={tdNumericClass} data-testid="rate-with" title={`${countText(behavior.outcomesWith)} of ${countText(behavior.usersWith)}`}>
                  {rateText(behavior.rateWith)}
                </td>
                <td className={tdNumericClass} data-testid="rate-without" title={`${countText(behavior.outcomesWithout)} of ${countText(behavior.usersWithout)}`}>
                  {rateText(behavior.rateWithout)}
                </td>
                <td className={tdNumericClass} data-testid="lift">
                  {liftText(behavior.lift)}
                </td>
                <td className={tdNumericClass} data-testid="difference">
                  {pointsText(behavior.difference)}
                </td>
                <td className={tdNumericClass} data-testid="difference-ci">
                  {intervalText(behavior.differenceLower, behavior.differenceUpper)}
                </td>
                <td className={tdNumericClass} data-testid="coverage">
                  {formatPercent(behavior.coverage)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {hasSmall && (
        <p className="text-xs text-slate-500" data-testid="small-sample-note">
          Greyed rows are small samples (under {SMALL_SAMPLE.minGroupUsers} users with or without the behavior, or under {SMALL_SAMPLE.minCellUsers} in a cell of the 2 × 2 table): their rates can swing with a few users, so they are ranked last. Treat them
          as hints.
        </p>
      )}
    </div>
  );
}
