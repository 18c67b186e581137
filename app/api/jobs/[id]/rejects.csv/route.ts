import { getDatabase } from "@/lib/db/client";
import { getIngestJob, jobIdSchema } from "@/lib/datasets/get-ingest-job";
import { rejectsFileName } from "@/lib/datasets/rejects-file-name";
import { apiErrorResponse } from "@/lib/http/api-error";
import { NotFoundError } from "@/lib/http/not-found-error";
import { textStream } from "@/lib/http/stream-chunks";
import { rejectsCsv } from "@/lib/ingest/rejects-csv";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every rejected row of one ingest job as CSV (line, field, value, reason), streamed. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const jobId = jobIdSchema.parse((await context.params).id);
    const { db } = await getDatabase();
    const job = await getIngestJob(db, jobId);
    if (!job) throw new NotFoundError(`There is no ingest job ${jobId}.`);
    return new Response(textStream(rejectsCsv(db, jobId)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${rejectsFileName(job)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return apiErrorResponse(error, "GET /api/jobs/[id]/rejects.csv");
  }
}
