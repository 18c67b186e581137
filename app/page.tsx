import Link from "next/link";
import { DatasetTable } from "@/components/datasets/dataset-table";
import { DatasetsEmptyState } from "@/components/datasets/datasets-empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { buttonClasses } from "@/components/ui/button";
import { getDatabase } from "@/lib/db/client";
import { listDatasets } from "@/lib/datasets/list-datasets";

export const dynamic = "force-dynamic";
export const metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const { db } = await getDatabase();
  const { datasets } = await listDatasets(db);
  return (
    <>
      <PageHeader
        title="Datasets"
        description="Each dataset holds the events loaded into it and one row of behavior features per user."
        actions={
          datasets.length > 0 && (
            <Link href="/upload" className={buttonClasses("primary")}>
              Upload a file
            </Link>
          )
        }
      />
      {datasets.length === 0 ? <DatasetsEmptyState /> : <DatasetTable datasets={datasets} />}
    </>
  );
}
