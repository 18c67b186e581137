import type { ReactNode } from "react";
import { Table, tdClass, thClass } from "@/components/ui/table";
import type { ClusterResponse, MethodResult } from "@/lib/clustering/clustering.types";
import { FEATURES, type FeatureName } from "@/lib/definitions/features";
import { formatCount, formatPercent, formatPValue, METHOD_LABELS, METHOD_ORDER } from "./cluster-format";

/** DBSCAN can find dozens of clusters: list this many sizes, then say how many more. */
const SIZES_LISTED = 6;

function sizes(result: MethodResult): string {
  const clusters = result.clusters.filter((cluster) => cluster.index >= 0);
  if (clusters.length === 0) return "—";
  const listed = clusters.slice(0, SIZES_LISTED).map((cluster) => formatCount(cluster.size)).join(" / ");
  const rest = clusters.length - SIZES_LISTED;
  return rest > 0 ? `${listed} / … (${rest} more)` : listed;
}

function chiSquare(result: MethodResult): string {
  const test = result.outcomeTest;
  if (!test) return "not testable";
  return `p ${formatPValue(test.pValue)} (χ² ${test.statistic.toFixed(1)}, df ${test.df}, n ${formatCount(test.n)})`;
}

const ROWS: { label: string; hint?: string; value: (result: MethodResult) => ReactNode }[] = [
  { label: "Clusters", value: (result) => result.k },
  {
    label: "Silhouette",
    hint: "−1 to 1; ≥ 0.5 is clear structure, < 0.25 is weak",
    value: (result) => (
      <>
        <span className="font-semibold tabular-nums">{result.silhouette.toFixed(2)}</span>
        <span className="ml-1 text-xs text-slate-500">on {formatCount(result.silhouetteSampleSize)} users</span>
      </>
    ),
  },
  { label: "Cluster sizes", hint: "users, largest first", value: (result) => <span data-testid="cluster-sizes">{sizes(result)}</span> },
  { label: "Noise", hint: "users DBSCAN leaves in no cluster", value: (result) => (result.method === "dbscan" ? formatCount(result.noise) : "n/a") },
  { label: "Outcome rate spread", hint: "highest − lowest cluster rate", value: (result) => (result.outcomeSpread === null ? "—" : `${(result.outcomeSpread * 100).toFixed(1)} pts`) },
  { label: "Outcome differs? (chi-square)", value: chiSquare },
  { label: "Fitted on", value: (result) => `${formatCount(result.fitSampleSize)} users${result.ms === null ? "" : ` in ${(result.ms / 1000).toFixed(1)} s`}` },
];

/** k-means, DBSCAN and Ward side by side, the recommended one highlighted, each with its verdict in words. */
export function MethodComparison({ result }: { result: ClusterResponse }) {
  const recommended = result.recommendation.method;
  const outcomeLabel = FEATURES[result.outcome as FeatureName]?.label.toLowerCase() ?? result.outcome;
  const columnClass = (method: string) => (method === recommended ? "bg-indigo-50" : "");

  return (
    <section aria-labelledby="method-comparison-title" className="space-y-3" data-testid="method-comparison">
      <div>
        <h2 id="method-comparison-title" className="text-base font-semibold text-slate-900">
          Three methods compared
        </h2>
        <p className="mt-0.5 text-sm text-slate-600" data-testid="recommendation">
          <span className="font-medium text-indigo-700">Recommendation:</span> {result.recommendation.text}
        </p>
      </div>
      <Table caption={`k-means, DBSCAN and Ward compared on ${formatCount(result.users)} users; outcome: ${outcomeLabel}`}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={thClass}>
              <span className="sr-only">Measure</span>
            </th>
            {METHOD_ORDER.map((method) => (
              <th key={method} scope="col" className={`${thClass} w-[27%] ${columnClass(method)}`} data-testid={`method-${method}`}>
                <span className="text-sm text-slate-900">{METHOD_LABELS[method]}</span>
                {method === recommended && (
                  <span className="ml-2 rounded-full bg-indigo-600 px-2 py-0.5 text-[11px] font-semibold text-white">Recommended</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${thClass} font-medium`}>
                {row.label}
                {row.hint && <span className="block text-[11px] font-normal text-slate-400">{row.hint}</span>}
              </th>
              {METHOD_ORDER.map((method) => (
                <td key={method} className={`${tdClass} whitespace-normal ${columnClass(method)}`} data-testid={`${method}-${row.label}`}>
                  {row.value(result[method])}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={`${thClass} align-top font-medium`}>
              Verdict
            </th>
            {METHOD_ORDER.map((method) => (
              <td key={method} className={`px-3 py-2 align-top text-sm text-slate-700 ${columnClass(method)}`} data-testid={`${method}-verdict`}>
                <VerdictBadge tidy={result[method].verdict.tidy} useful={result[method].verdict.useful} />
                <p className="mt-1 max-w-xs">{result[method].verdict.text}</p>
              </td>
            ))}
          </tr>
        </tbody>
      </Table>
    </section>
  );
}

function VerdictBadge({ tidy, useful }: { tidy: boolean; useful: boolean }) {
  const chip = (on: boolean, yes: string, no: string) => (
    <span className={`rounded-full px-2 py-0.5 text-[11px] font-semibold ${on ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-800"}`}>{on ? yes : no}</span>
  );
  return (
    <span className="flex flex-wrap gap-1">
      {chip(tidy, "tidy", "fuzzy")}
      {chip(useful, "useful", "not useful")}
    </span>
  );
}
