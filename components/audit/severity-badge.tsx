import type { Severity } from "@/lib/audit/audit.types";

const STYLES: Record<Severity, { label: string; className: string }> = {
  high: { label: "High", className: "bg-red-50 text-red-700 ring-red-600/20" },
  medium: { label: "Medium", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  low: { label: "Low", className: "bg-slate-50 text-slate-700 ring-slate-500/20" },
};

/** A finding's severity as a coloured pill with a word (colour is never the only signal). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const style = STYLES[severity];
  return (
    <span data-testid="severity" className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      {style.label}
    </span>
  );
}
