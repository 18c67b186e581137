import { Skeleton } from "@/components/ui/skeleton";

/** Shown while a page's server data loads: the shape of a heading and a table. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-2 h-4 w-96" />
      <div className="mt-8 space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
