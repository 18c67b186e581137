/**
 * A labelled progress bar. `percent` null = amount unknown (indeterminate).
 * `valueText` is what a screen reader announces ("12.3 MB of 40.0 MB · 120,345 rows").
 */
export function ProgressBar({ label, percent, valueText, tone = "indigo" }: { label: string; percent: number | null; valueText: string; tone?: "indigo" | "emerald" }) {
  const clamped = percent === null ? null : Math.max(0, Math.min(100, percent));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped === null ? undefined : Math.round(clamped)}
      aria-valuetext={valueText}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-200 ${tone === "emerald" ? "bg-emerald-500" : "bg-indigo-600"} ${clamped === null ? "w-1/3 animate-pulse" : ""}`}
        style={clamped === null ? undefined : { width: `${clamped}%` }}
      />
    </div>
  );
}
