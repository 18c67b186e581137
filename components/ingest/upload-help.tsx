import { FORMAT_OPTIONS } from "./format-options";

/** The side panel of the upload page: what Strata reads, and the command-line alternative. */
export function UploadHelp() {
  return (
    <aside aria-label="About uploads" className="space-y-5 text-sm text-slate-600">
      <section>
        <h2 className="font-semibold text-slate-900">Formats</h2>
        <ul className="mt-2 space-y-1">
          {FORMAT_OPTIONS.map((option) => (
            <li key={option.value}>
              <span className="font-medium text-slate-800">{option.title}</span> — {option.detail}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="font-semibold text-slate-900">Timestamps</h2>
        <p className="mt-2">ISO 8601 with or without offset, epoch seconds, milliseconds or microseconds, <code className="font-mono text-xs">YYYYMMDD</code>.</p>
      </section>
      <section>
        <h2 className="font-semibold text-slate-900">From the command line</h2>
        <p className="mt-2">For large files and scheduled loads:</p>
        <pre className="mt-2 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
          <code>npx strata ingest FILE --dataset NAME</code>
        </pre>
      </section>
    </aside>
  );
}
