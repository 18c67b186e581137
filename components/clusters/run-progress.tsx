import { Skeleton } from "@/components/ui/skeleton";

/** While the server clusters: what it is doing and for how long, so a 30-second run does not look hung. */
export function RunProgress({ seconds }: { seconds: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4 rounded-lg border border-indigo-200 bg-indigo-50/60 px-5 py-4" data-testid="cluster-progress">
      <div className="flex items-center gap-3">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 animate-spin text-indigo-600" fill="none">
          <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
          <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
        </svg>
        <p className="text-sm font-medium text-indigo-900">
          Clustering… <span className="tabular-nums">{seconds}</span> s elapsed
        </p>
      </div>
      <p className="text-sm text-indigo-800">
        Running k-means (trying k = 2–10 when k is auto), DBSCAN and Ward on the users&apos; features, then testing each method&apos;s clusters against the
        outcome. On hundreds of thousands of users this takes tens of seconds.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
    </div>
  );
}
