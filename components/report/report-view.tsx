import { datasetPath } from "@/components/datasets/dataset-path";
import { Card } from "@/components/ui/card";
import { CATEGORY_TITLES, CORRELATION_NOTE, SEGMENT_COLUMNS, playbookLabel, reportSubtitle, segmentRows } from "@/lib/report/report-text";
import type { Report, ReportTable } from "@/lib/report/report.types";

function DataTable({ columns, rows, testId }: { columns: string[]; rows: string[][]; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table data-testid={testId} className="min-w-full border-collapse text-sm">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="border-b border-slate-300 bg-slate-50 px-3 py-2 text-left font-semibold text-slate-700">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="align-top">
              {row.map((value, index) => (
                <td key={index} className="border-b border-slate-100 px-3 py-2 text-slate-700">
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChartTable({ table }: { table: ReportTable }) {
  return (
    <Card title={table.title} description={table.caption} className="break-inside-avoid">
      {table.rows.length > 0 ? <DataTable columns={table.columns} rows={table.rows} testId={`report-table-${table.id}`} /> : <p className="text-sm text-slate-500 italic">{table.note ?? "No data."}</p>}
    </Card>
  );
}

/** The report as a page: the same parts, words and numbers as its Markdown and HTML downloads. */
export function ReportView({ report }: { report: Report }) {
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600" data-testid="report-subtitle">
        {reportSubtitle(report)}
      </p>
      {report.segments.warnings.map((warning) => (
        <p key={warning} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {warning}
        </p>
      ))}
      <Card title="Part 1 — Segments">
        <DataTable columns={SEGMENT_COLUMNS} rows={segmentRows(report)} testId="report-segments" />
      </Card>
      <Card title="Part 2 — Recommendations" description={CORRELATION_NOTE}>
        <p className="mb-3 text-xs text-slate-500">
          <span data-testid="report-playbook">{playbookLabel(report)}</span>{" "}
          <a className="text-indigo-700 underline print:hidden" href={`${datasetPath(report.dataset)}/playbook`}>
            Edit the playbook
          </a>
        </p>
        {report.recommendations.length === 0 && <p className="text-sm text-slate-600">No playbook rule fired for these segments.</p>}
        <div className="space-y-5">
          {Object.entries(CATEGORY_TITLES).map(([category, title]) => {
            const items = report.recommendations.filter((item) => item.category === category);
            if (items.length === 0) return null;
            return (
              <section key={category}>
                <h3 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
                <ul className="mt-2 space-y-3">
                  {items.map((item) => (
                    <li key={`${item.ruleId}-${item.segment}`} data-testid="recommendation" className="rounded-md border border-slate-200 p-3 text-sm">
                      <p className="text-slate-800">
                        <span className="font-semibold">{item.segment}</span> — {item.finding}
                      </p>
                      <p className="mt-1 font-medium text-indigo-700">→ {item.action}</p>
                      <p className="mt-1 text-xs text-slate-500">
                        For {item.audience.join(", ")} · {item.users.toLocaleString("en-US")} users · triggered by {item.evidence.join(" and ")}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </Card>
      {report.tables.map((table) => (
        <ChartTable key={table.id} table={table} />
      ))}
    </div>
  );
}
