/** A grey placeholder block with the shape of content that is loading. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200/80 ${className}`} />;
}
