"use client";

import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { MethodResult } from "@/lib/clustering/clustering.types";
import { MAX_SEGMENT_NAME_LENGTH } from "@/lib/definitions/segment-name";
import { formatCount, formatPercent, METHOD_LABELS, zScoreWords } from "./cluster-format";

/** How many distinguishing features to list per cluster (most distinguishing first). */
const TRAITS_SHOWN = 3;

/**
 * One method's clusters. Names start as the automatic ones and can be edited
 * inline; the edits (cluster index → name) are the caller's, so a saved
 * definition keeps them.
 */
export function ClusterTable({
  result,
  outcomeLabel,
  names,
  onRename,
}: {
  result: MethodResult;
  outcomeLabel: string;
  names: Readonly<Record<number, string>>;
  onRename: (index: number, name: string) => void;
}) {
  const nameOf = (cluster: MethodResult["clusters"][number]) => names[cluster.index] ?? cluster.name;
  // One width for every name box (the longest name's, within reason) so the column lines up.
  const longestName = Math.max(0, ...result.clusters.map((cluster) => nameOf(cluster).length));
  const nameWidth = `${Math.min(60, Math.max(16, longestName + 2))}ch`;

  return (
    <section aria-labelledby="cluster-table-title" className="space-y-3">
      <div>
        <h2 id="cluster-table-title" className="text-base font-semibold text-slate-900">
          Clusters found by {METHOD_LABELS[result.method]}
        </h2>
        <p className="mt-0.5 text-sm text-slate-500">Names are suggested from each cluster&apos;s most distinctive features; click a name to rename it.</p>
      </div>
      <Table caption={`Clusters of the ${METHOD_LABELS[result.method]} run`}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={thClass}>Name</th>
            <th scope="col" className={thNumericClass}>Users</th>
            <th scope="col" className={thNumericClass}>% of users</th>
            <th scope="col" className={thNumericClass}>{outcomeLabel} rate</th>
            <th scope="col" className={thClass}>Distinguishing features (vs the average user)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="cluster-rows">
          {result.clusters.map((cluster) => {
            const noise = cluster.index < 0;
            const name = nameOf(cluster);
            return (
              <tr key={cluster.index} data-testid={noise ? "cluster-noise" : "cluster-row"} className={noise ? "bg-slate-50 text-slate-500" : ""}>
                <td className={tdClass}>
                  {noise ? (
                    <span className="italic">Noise (in no cluster)</span>
                  ) : (
                    <input
                      type="text"
                      aria-label={`Name of cluster ${cluster.index + 1}`}
                      value={name}
                      maxLength={MAX_SEGMENT_NAME_LENGTH}
                      style={{ width: nameWidth }}
                      onChange={(event) => onRename(cluster.index, event.target.value)}
                      className="rounded border border-slate-200 bg-transparent px-1.5 py-1 font-medium text-slate-900 hover:border-slate-400 focus:border-indigo-500 focus:bg-white focus:outline-none"
                    />
                  )}
                </td>
                <td className={tdNumericClass} data-testid="cluster-size">
                  {formatCount(cluster.size)}
                </td>
                <td className={tdNumericClass}>{formatPercent(cluster.share)}</td>
                <td className={tdNumericClass} title={`${formatCount(cluster.outcome.hits)} of ${formatCount(cluster.outcome.users)} users with a known outcome`}>
                  {formatPercent(cluster.outcome.rate)}
                  <span className="ml-1 text-xs text-slate-400">
                    ({formatCount(cluster.outcome.hits)}/{formatCount(cluster.outcome.users)})
                  </span>
                </td>
                <td className="px-3 py-2 text-sm text-slate-700">
                  {cluster.traits.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="space-y-0.5">
                      {cluster.traits.slice(0, TRAITS_SHOWN).map((trait) => (
                        <li key={trait.feature}>
                          {trait.text}{" "}
                          <span className="text-slate-500">
                            — {zScoreWords(trait.z)} (z {trait.z >= 0 ? "+" : "−"}
                            {Math.abs(trait.z).toFixed(1)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
