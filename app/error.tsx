"use client";

import { ErrorState } from "@/components/ui/error-state";

/** Unexpected failures while rendering a page: an apology with the id the server log carries. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <ErrorState
      title="This page could not be shown"
      message="Sorry, something went wrong on our side. Trying again often helps; if it keeps happening, the server log has the details."
      errorId={digest || undefined}
      onRetry={retry}
    />
  );
}
