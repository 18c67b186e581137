"use client";

import { useId, useState } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { ErrorState } from "@/components/ui/error-state";
import { Notice } from "@/components/ui/notice";
import { ApiRequestError } from "@/lib/http/fetch-api";
import type { ClusterResponse } from "@/lib/clustering/clustering.types";
import type { ClusterMethod } from "@/lib/definitions/clusters";
import { FEATURES, type FeatureName } from "@/lib/definitions/features";
import { ClusterControls, DEFAULT_CLUSTER_SETTINGS, type ClusterSettings } from "./cluster-controls";
import { formatCount, METHOD_LABELS, METHOD_ORDER } from "./cluster-format";
import { ClusterTable } from "./cluster-table";
import { KDistanceChart, KDistanceTable, kDistanceNeighbour } from "./k-distance-chart";
import { MethodComparison } from "./method-comparison";
import { RunProgress } from "./run-progress";
import { SaveClusteringPanel } from "./save-clustering-panel";
import { SilhouetteCurveChart, SilhouetteCurveTable } from "./silhouette-curve-chart";
import { useElapsedSeconds, useRunClustering } from "./use-clusters";

function featureLabel(feature: string): string {
  return FEATURES[feature as FeatureName]?.label ?? feature;
}

/** Controls, then (after a run) the method comparison, the two diagnostic curves and the recommended method's clusters. */
export function ClustersExplorer({ datasetName }: { datasetName: string }) {
  const [settings, setSettings] = useState<ClusterSettings>(DEFAULT_CLUSTER_SETTINGS);
  const run = useRunClustering(datasetName);
  const seconds = useElapsedSeconds(run.isPending);
  const start = () => run.mutate({ ...settings, seed: 1 });

  return (
    <div className="space-y-6">
      <ClusterControls settings={settings} onChange={setSettings} onRun={start} running={run.isPending} />
      {run.isPending && <RunProgress seconds={seconds} />}
      {run.isError && !run.isPending && (
        <ErrorState
          title="Clustering could not be run"
          message={run.error.message}
          errorId={run.error instanceof ApiRequestError ? run.error.errorId : undefined}
          onRetry={start}
        >
          <p className="mt-2 text-sm text-red-700">Try fewer or other features (every user needs a value for each), or refresh the dataset&apos;s features.</p>
        </ErrorState>
      )}
      {run.isIdle && (
        <p className="rounded-lg border border-dashed border-slate-300 px-5 py-8 text-center text-sm text-slate-500">
          Choose features, k and an outcome, then <span className="font-medium text-slate-700">Run clustering</span> to compare k-means, DBSCAN and Ward
          on this dataset&apos;s users.
        </p>
      )}
      {run.isSuccess && !run.isPending && <ClusterResults key={JSON.stringify(run.variables)} datasetName={datasetName} result={run.data} />}
    </div>
  );
}

function ClusterResults({ datasetName, result }: { datasetName: string; result: ClusterResponse }) {
  const methodId = useId();
  const [method, setMethod] = useState<ClusterMethod>(result.recommendation.method);
  // Name edits per method, so switching methods to compare does not lose them.
  const [names, setNames] = useState<Record<ClusterMethod, Record<number, string>>>({ kmeans: {}, ward: {}, dbscan: {} });
  const shown = result[method];
  const outcomeLabel = featureLabel(result.outcome);
  return (
    <div className="space-y-6" data-testid="cluster-results">
      <p className="text-sm text-slate-600">
        {formatCount(result.users)} users clustered on {result.features.map((feature) => featureLabel(feature.feature)).join(", ")}
        {result.missing > 0 && <> ({formatCount(result.missing)} left out: no value for a chosen feature)</>}; features as of{" "}
        {new Date(result.asOf).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC.
      </p>
      {result.warnings.length > 0 && (
        <Notice tone="warning" title="About these features">
          <ul className="list-disc pl-5">
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Notice>
      )}
      <MethodComparison result={result} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <ChartCard
          title="Silhouette by k"
          testId="silhouette-curve"
          definition={
            <p>
              k-means silhouette for each number of clusters tried: how much closer users are to their own cluster than to the next one (−1 to 1, higher is
              tidier), on a sample of {formatCount(result.kmeans.silhouetteSampleSize)} users. Auto k picks the highest.
            </p>
          }
          status={result.kCurve.length > 0 ? "ready" : "empty"}
          emptyTitle={`k fixed at ${result.kmeans.k}`}
          emptyMessage="The curve is drawn when k is Auto: choose Auto and run again to see how tidy each k would be."
          chart={<SilhouetteCurveChart curve={result.kCurve} chosenK={result.kmeans.k} />}
          table={<SilhouetteCurveTable curve={result.kCurve} />}
        />
        <ChartCard
          title="DBSCAN k-distance curve"
          testId="k-distance-curve"
          definition={
            <p>
              Each sampled user&apos;s distance (in standardized units) to its {kDistanceNeighbour(result.dbscan)}, sorted ascending: the
              smallest eps that makes the user a core point (minPts {result.dbscan.minPts}, itself included). The knee, where distances shoot up,
              is the suggested eps: users beyond it are too isolated to be in a dense cluster.
            </p>
          }
          status={result.dbscan.kDistanceCurve.length > 0 ? "ready" : "empty"}
          emptyMessage="Too few users for a k-distance curve."
          chart={<KDistanceChart dbscan={result.dbscan} />}
          table={<KDistanceTable dbscan={result.dbscan} />}
          footer={`eps ${result.dbscan.eps.toFixed(3)}, minPts ${result.dbscan.minPts}, ${formatCount(result.dbscan.corePoints)} core users.`}
        />
      </div>
      <div className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={methodId} className="block text-xs font-medium text-slate-600">
              Clusters of
            </label>
            <select
              id={methodId}
              value={method}
              onChange={(event) => setMethod(event.target.value as ClusterMethod)}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
            >
              {METHOD_ORDER.map((id) => (
                <option key={id} value={id}>
                  {METHOD_LABELS[id]} ({result[id].k} clusters){id === result.recommendation.method ? " · recommended" : ""}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ClusterTable
          key={method}
          result={shown}
          outcomeLabel={outcomeLabel}
          names={names[method]}
          onRename={(index, name) => setNames((current) => ({ ...current, [method]: { ...current[method], [index]: name } }))}
        />
        <SaveClusteringPanel key={`save-${method}`} datasetName={datasetName} result={shown} edits={names[method]} />
      </div>
    </div>
  );
}
