import type { ReactNode } from "react";

/** Table chrome: horizontal scroll on narrow screens, caption for screen readers. */
/** `dense` tightens padding and type for wide tables (a dozen columns at 1280 px). */
export function Table({ caption, children, busy = false, dense = false }: { caption: string; children: ReactNode; busy?: boolean; dense?: boolean }) {
  return (
    // relative: screen-reader-only text inside cells is positioned against the scroller, not the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        aria-busy={busy}
        className={`min-w-full divide-y divide-slate-200 transition-opacity ${dense ? "text-[13px] [&_td]:px-2 [&_th]:px-2" : "text-sm"} ${busy ? "opacity-60" : ""}`}
      >
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

const thBase = "px-3 py-2.5 text-xs font-semibold whitespace-nowrap text-slate-600";
const tdBase = "px-3 py-2 whitespace-nowrap text-slate-700";
export const thClass = `${thBase} text-left`;
export const thNumericClass = `${thBase} text-right`;
export const tdClass = `${tdBase} text-left`;
export const tdNumericClass = `${tdBase} text-right tabular-nums`;
