import type { ReactNode } from "react";

const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/** A non-blocking remark about the data on screen (stale features, a resumed load). */
export function Notice({ tone = "info", title, children }: { tone?: keyof typeof TONES; title: string; children?: ReactNode }) {
  return (
    <div role="status" className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}>
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 opacity-90">{children}</div>}
    </div>
  );
}
