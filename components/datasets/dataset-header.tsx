import Link from "next/link";
import { DatasetBreadcrumb } from "./dataset-breadcrumb";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/format/dates";
import { formatCount } from "@/components/format/numbers";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Stat } from "@/components/ui/stat";
import type { DatasetDetail } from "@/lib/datasets/get-dataset.types";

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const notSet = <span className="text-slate-400 italic">not set</span>;

function EventName({ name }: { name: string | null }) {
  return name ? <code className="font-mono text-[13px]">{name}</code> : notSet;
}

function NameList({ names }: { names: string[] }) {
  if (names.length === 0) return notSet;
  return (
    <span className="flex flex-wrap gap-1">
      {names.map((name) => (
        <code key={name} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {name}
        </code>
      ))}
    </span>
  );
}

/** Dataset name, size, feature freshness and the settings its features are computed with. */
export function DatasetHeader({ dataset }: { dataset: DatasetDetail }) {
  const refreshCommand = `npx strata refresh --dataset ${dataset.name}`;
  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={<DatasetBreadcrumb />}
        title={dataset.name}
        actions={
          <Link href={`/upload?dataset=${encodeURIComponent(dataset.name)}`} className={buttonClasses("secondary")}>
            Upload more events
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-label="Size" className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <dl className="grid grid-cols-3 gap-4">
            <Stat label="Events" value={formatCount(dataset.events)} testId="dataset-events" />
            <Stat label="Users" value={formatCount(dataset.users)} testId="dataset-users" />
            <Stat label="With features" value={formatCount(dataset.usersWithFeatures)} testId="dataset-users-with-features" />
          </dl>
          <p className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">
            {dataset.featuresAsOf ? (
              <>
                Features as of <time dateTime={dataset.featuresAsOf}>{formatDateTime(dataset.featuresAsOf, dataset.timezone)}</time>
                {dataset.lastRefresh ? ` · last refresh: ${dataset.lastRefresh.mode}, ${formatCount(dataset.lastRefresh.users)} users` : ""}
              </>
            ) : (
              "Features not computed yet"
            )}
          </p>
        </section>
        <section aria-label="Settings" className="rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
            <Setting label="Time zone">{dataset.timezone}</Setting>
            <Setting label="Session timeout">{formatCount(dataset.sessionTimeoutMinutes)} min of inactivity</Setting>
            <Setting label="Signup event">
              <EventName name={dataset.signupEvent} />
            </Setting>
            <Setting label="Activation event">
              <EventName name={dataset.activationEvent} />
            </Setting>
            <Setting label="Conversion event">
              <EventName name={dataset.conversionEvent} />
            </Setting>
            <Setting label="Cancel event">
              <EventName name={dataset.cancelEvent} />
            </Setting>
            <Setting label="Core features">
              <NameList names={dataset.coreFeatures} />
            </Setting>
            <Setting label="Dimensions">
              <NameList names={dataset.dimensions} />
            </Setting>
          </dl>
        </section>
      </div>
      {dataset.events > 0 && dataset.lastRefresh === null && dataset.usersWithFeatures === 0 ? (
        <Notice title="Behavior features have not been computed yet">
          Users are listed from their events; recency, frequency, sessions and the other features appear after a refresh:{" "}
          <code className="font-mono">{refreshCommand}</code>
        </Notice>
      ) : dataset.featuresStale ? (
        <Notice tone="warning" title="Features are out of date">
          Events were loaded after the last feature refresh
          {dataset.lastRefresh ? ` (${formatDateTime(dataset.lastRefresh.finishedAt)} UTC)` : ""}, so some figures do not include them yet. Run{" "}
          <code className="font-mono">{refreshCommand}</code>
        </Notice>
      ) : null}
    </div>
  );
}
