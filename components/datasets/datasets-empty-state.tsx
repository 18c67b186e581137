import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function DatasetsEmptyState() {
  return (
    <EmptyState title="No datasets yet" action={<Link href="/upload" className={buttonClasses("primary")}>Upload a file</Link>}>
      <p>
        A dataset is a collection of events (who did what, when) loaded from a file. Upload one in the browser, or load it from the command line — which
        is also how you schedule regular loads:
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 text-left font-mono text-sm text-slate-100">
        <code>npx strata ingest events.csv --dataset shop</code>
      </pre>
      <p className="mt-3">
        CSV, NDJSON, transaction logs and Segment, Amplitude, Mixpanel and GA4 exports are detected automatically. Try <code className="font-mono">npm run demo</code> for a
        ready-made SaaS dataset.
      </p>
    </EmptyState>
  );
}
