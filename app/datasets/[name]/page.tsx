import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetHeader } from "@/components/datasets/dataset-header";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { IngestHistory } from "@/components/datasets/ingest-history";
import { UsersTable } from "@/components/datasets/users-table";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "./dataset-page-data";

export const dynamic = "force-dynamic";

interface DatasetPageProps {
  params: DatasetParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: DatasetPageProps): Promise<Metadata> {
  return datasetPageMetadata(params);
}

export default async function DatasetPage({ params, searchParams }: DatasetPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  const tab = (await searchParams).tab === "history" ? "history" : "users";

  return (
    <div className="space-y-6">
      <DatasetHeader dataset={dataset} />
      <DatasetTabs datasetName={dataset.name} active={tab} />
      {tab === "users" ? (
        <Suspense>
          <UsersTable datasetName={dataset.name} timeZone={dataset.timezone} />
        </Suspense>
      ) : (
        <IngestHistory datasetName={dataset.name} />
      )}
    </div>
  );
}
