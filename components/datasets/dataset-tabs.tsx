import Link from "next/link";
import { datasetPath } from "./dataset-path";

export type DatasetTab = "users" | "segments" | "retention" | "funnels" | "activity" | "conversion" | "rfm" | "transitions" | "insights" | "audit" | "clusters" | "report" | "playbook" | "settings" | "history";

const TABS: { id: DatasetTab; label: string }[] = [
  { id: "users", label: "Users" },
  { id: "segments", label: "Segments" },
  { id: "retention", label: "Retention" },
  { id: "funnels", label: "Funnels" },
  { id: "activity", label: "Activity" },
  { id: "conversion", label: "Conversion" },
  { id: "rfm", label: "RFM grid" },
  { id: "transitions", label: "Transitions" },
  { id: "insights", label: "Insights" },
  { id: "audit", label: "Audit" },
  { id: "clusters", label: "Clusters" },
  { id: "report", label: "Report" },
  { id: "playbook", label: "Playbook" },
  { id: "settings", label: "Settings" },
  { id: "history", label: "Ingest history" },
];

// Users and history are ?tab= of the dataset page; the analyses are pages of their own (their state fills the query string).
function tabHref(datasetName: string, tab: DatasetTab): string {
  if (tab === "users" || tab === "history") return datasetPath(datasetName, tab);
  return `${datasetPath(datasetName)}/${tab}`;
}

/** Section switcher; each section has its own URL (?tab=history) so it can be linked and reloaded. */
export function DatasetTabs({ datasetName, active }: { datasetName: string; active: DatasetTab }) {
  return (
    <nav aria-label="Dataset sections" className="border-b border-slate-200 print:hidden">
      <ul className="-mb-px flex flex-wrap gap-x-5">
        {TABS.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tabHref(datasetName, tab.id)}
              aria-current={tab.id === active ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                tab.id === active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
