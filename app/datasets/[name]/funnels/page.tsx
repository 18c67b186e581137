import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { FunnelExplorer } from "@/components/funnel/funnel-explorer";
import { PageHeader } from "@/components/layout/page-header";
import { listEventNames } from "@/lib/datasets/event-names";
import { defaultFunnelSteps } from "@/lib/funnel/default-steps";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface FunnelsPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: FunnelsPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Funnels");
}

/** Funnel of one dataset; opens on the configured signup → activation → conversion events (else the 3 most frequent). */
export default async function FunnelsPage({ params }: FunnelsPageProps) {
  const { db, dataset } = await loadDatasetOrNotFound(params);
  const eventNames = await listEventNames(db, dataset.name);
  const defaultSteps = defaultFunnelSteps(dataset, eventNames.map((entry) => entry.name));

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="How many users go from one step to the next, where they drop off, and how long each step takes."
        />
        <DatasetTabs datasetName={dataset.name} active="funnels" />
      </div>
      <Suspense>
        <FunnelExplorer datasetName={dataset.name} timezone={dataset.timezone} eventNames={eventNames} defaultSteps={defaultSteps} />
      </Suspense>
    </div>
  );
}
