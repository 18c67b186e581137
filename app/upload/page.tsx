import { UploadHelp } from "@/components/ingest/upload-help";
import { UploadForm } from "@/components/ingest/upload-form";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Upload" };

export default async function UploadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { dataset } = await searchParams;
  return (
    <>
      <PageHeader title="Upload events" description="Load a file of events into a new or existing dataset. Every row is accounted for: accepted, rejected with a reason, or a duplicate." />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <UploadForm initialDatasetName={typeof dataset === "string" ? dataset : ""} />
        <UploadHelp />
      </div>
    </>
  );
}
