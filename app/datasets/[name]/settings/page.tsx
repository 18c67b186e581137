import type { Metadata } from "next";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsForm } from "@/components/settings/settings-form";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface SettingsPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: SettingsPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Settings");
}

export default async function SettingsPage({ params }: SettingsPageProps) {
  const { dataset } = await loadDatasetOrNotFound(params);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader eyebrow={<DatasetBreadcrumb />} title={dataset.name} description="What this dataset's events mean." />
        <DatasetTabs datasetName={dataset.name} active="settings" />
      </div>
      <SettingsForm dataset={dataset} />
    </div>
  );
}
