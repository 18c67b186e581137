import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { RetentionExplorer } from "@/components/retention/retention-explorer";
import { RetentionCurvesCard } from "@/components/retention-curves/retention-curves-card";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface RetentionPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: RetentionPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Retention");
}

/** Cohort retention matrix of one dataset; the matrix itself is a client component driven by the URL. */
export default async function RetentionPage({ params }: RetentionPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);

  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={dataset.name}
          description="Of the users first seen in each period, how many came back in each later period."
        />
        <DatasetTabs datasetName={dataset.name} active="retention" />
      </div>
      <Suspense>
        <RetentionCurvesCard datasetName={dataset.name} />
      </Suspense>
      <Suspense>
        <RetentionExplorer datasetName={dataset.name} />
      </Suspense>
    </div>
  );
}
