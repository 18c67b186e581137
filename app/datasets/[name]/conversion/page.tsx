import type { Metadata } from "next";
import { Suspense } from "react";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { TimeToConvertCard } from "@/components/time-to-convert/time-to-convert-card";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface ConversionPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: ConversionPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Conversion");
}

/** Time-to-convert curves of one dataset; the chart is a client component driven by the URL. */
export default async function ConversionPage({ params }: ConversionPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader eyebrow={<DatasetBreadcrumb />} title={dataset.name} description="How soon after signing up users convert, per segment or channel." />
        <DatasetTabs datasetName={dataset.name} active="conversion" />
      </div>
      <Suspense>
        <TimeToConvertCard datasetName={dataset.name} />
      </Suspense>
    </div>
  );
}
