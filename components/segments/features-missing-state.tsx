import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The explorer before a dataset has behavior features: segments are computed
 * from them, so say how to get them (load events; the upload refreshes
 * features, the CLI can too).
 */
export function FeaturesMissingState({ datasetName, hasEvents }: { datasetName: string; hasEvents: boolean }) {
  const refresh = `npx strata refresh --dataset ${datasetName}`;
  return (
    <EmptyState
      title={hasEvents ? "No behavior features yet" : "No events in this dataset yet"}
      action={
        <Link href={`/upload?dataset=${encodeURIComponent(datasetName)}`} className={buttonClasses(hasEvents ? "secondary" : "primary")}>
          Upload events
        </Link>
      }
    >
      <p>
        Segments are computed from each user&apos;s behavior features (recency, sessions per week, active days …).{" "}
        {hasEvents
          ? "This dataset has events, but its features have not been computed yet. Compute them with:"
          : "Load an event file first; features are computed right after an upload, or with:"}
      </p>
      <p className="mt-3">
        <code className="rounded bg-slate-100 px-2 py-1 font-mono text-[13px] text-slate-800">{refresh}</code>
      </p>
    </EmptyState>
  );
}
