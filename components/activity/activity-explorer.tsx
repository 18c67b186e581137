"use client";

import { ActiveDaysCard } from "./active-days-card";
import { ActivityControls } from "./activity-controls";
import { LifecycleCard } from "./lifecycle-card";
import { StickinessCard } from "./stickiness-card";
import { useLifecycle, useStickiness } from "./use-activity-queries";
import { useActivityUrlState } from "./use-activity-url-state";

/** The Activity page body: shared controls, then lifecycle, stickiness and active days per week. */
export function ActivityExplorer({ datasetName, datasetKind }: { datasetName: string; datasetKind: string }) {
  const [state, setState] = useActivityUrlState();
  const lifecycle = useLifecycle(datasetName, state);
  const stickiness = useStickiness(datasetName, state);
  return (
    <div className="space-y-6">
      <ActivityControls datasetName={datasetName} datasetKind={datasetKind} state={state} onChange={setState} />
      <LifecycleCard result={lifecycle.data} error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <StickinessCard result={stickiness.data} error={stickiness.error} onRetry={() => void stickiness.refetch()} />
        <ActiveDaysCard result={stickiness.data} error={stickiness.error} onRetry={() => void stickiness.refetch()} />
      </div>
    </div>
  );
}
