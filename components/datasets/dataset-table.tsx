import Link from "next/link";
import { formatDateTime } from "@/components/format/dates";
import { formatCount } from "@/components/format/numbers";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, tdClass, tdNumericClass, thClass, thNumericClass } from "@/components/ui/table";
import type { DatasetSummary } from "@/lib/datasets/list-datasets.types";
import { datasetPath } from "./dataset-path";

/** All datasets with their size and last ingest; names link to the dataset page. */
export function DatasetTable({ datasets }: { datasets: DatasetSummary[] }) {
  return (
    <Table caption="Datasets">
      <thead className="bg-slate-50">
        <tr>
          <th scope="col" className={thClass}>
            Dataset
          </th>
          <th scope="col" className={thNumericClass}>
            Events
          </th>
          <th scope="col" className={thNumericClass}>
            Users
          </th>
          <th scope="col" className={thClass}>
            Time zone
          </th>
          <th scope="col" className={thClass}>
            Last ingest (UTC)
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {datasets.map((dataset) => (
          <tr key={dataset.id} className="hover:bg-slate-50">
            <th scope="row" className={`${tdClass} font-medium`}>
              <Link href={datasetPath(dataset.name)} className="text-indigo-700 hover:text-indigo-900 hover:underline">
                {dataset.name}
              </Link>
            </th>
            <td className={tdNumericClass}>{formatCount(dataset.events)}</td>
            <td className={tdNumericClass}>{formatCount(dataset.users)}</td>
            <td className={tdClass}>{dataset.timezone}</td>
            <td className={tdClass}>
              {dataset.lastIngest ? (
                <span className="flex items-center gap-2">
                  <StatusBadge status={dataset.lastIngest.status} />
                  <span className="max-w-56 truncate" title={dataset.lastIngest.fileName}>
                    {dataset.lastIngest.fileName}
                  </span>
                  <span className="text-slate-500">{formatDateTime(dataset.lastIngest.startedAt)}</span>
                </span>
              ) : (
                <span className="text-slate-400">Never</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
