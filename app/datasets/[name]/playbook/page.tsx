import type { Metadata } from "next";
import { DatasetBreadcrumb } from "@/components/datasets/dataset-breadcrumb";
import { DatasetTabs } from "@/components/datasets/dataset-tabs";
import { PageHeader } from "@/components/layout/page-header";
import { PlaybookEditor } from "@/components/playbook/playbook-editor";
import { playbookPreview } from "@/lib/recommendations/playbook-preview";
import { getPlaybook } from "@/lib/recommendations/recommendation-playbook";
import { datasetPageMetadata, loadDatasetOrNotFound, type DatasetParams } from "../dataset-page-data";

export const dynamic = "force-dynamic";

interface PlaybookPageProps {
  params: DatasetParams;
}

export async function generateMetadata({ params }: PlaybookPageProps): Promise<Metadata> {
  return datasetPageMetadata(params, "Playbook");
}

/** The recommendation rules of a dataset, editable as data; each save is a new version the report uses. */
export default async function PlaybookPage({ params }: PlaybookPageProps) {
  const { db, dataset } = await loadDatasetOrNotFound(params);
  const [playbook, preview] = await Promise.all([getPlaybook(db, dataset.name), playbookPreview(db, dataset.name)]);
  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          eyebrow={<DatasetBreadcrumb />}
          title={`Recommendation playbook — ${dataset.name}`}
          description="The rules that turn segment numbers into the report's recommendations. Edit them as data; each save is a new version."
        />
        <DatasetTabs datasetName={dataset.name} active="playbook" />
      </div>
      <PlaybookEditor datasetName={dataset.name} initial={playbook} preview={preview} />
    </div>
  );
}
