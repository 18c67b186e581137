const STYLES: Record<string, { label: string; className: string }> = {
  succeeded: { label: "Succeeded", className: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  failed: { label: "Failed", className: "bg-red-50 text-red-700 ring-red-600/20" },
  running: { label: "Running", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
};

/** An ingest job's status as a coloured pill with a word (colour is never the only signal). */
export function StatusBadge({ status }: { status: string }) {
  const style = STYLES[status] ?? { label: status, className: "bg-slate-50 text-slate-700 ring-slate-500/20" };
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      {style.label}
    </span>
  );
}
