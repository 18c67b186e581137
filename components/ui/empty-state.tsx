import type { ReactNode } from "react";

/** What an empty screen says: what would be here, and how to get it there. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 text-slate-300" fill="none" stroke="currentColor" strokeWidth={1.5}>
        <path d="M3 7.5 12 3l9 4.5M3 7.5l9 4.5m-9-4.5v9L12 21m0-9 9-4.5M12 12v9m9-13.5v9L12 21" strokeLinejoin="round" />
      </svg>
      <h3 className="mt-3 text-base font-semibold text-slate-900">{title}</h3>
      {children && <div className="mt-2 max-w-xl text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
