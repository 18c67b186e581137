/**
 * Bridges between web streams (what route handlers get and return) and async
 * iterables (what lib/ingest reads and writes), pulling one chunk at a time so
 * nothing is buffered whole.
 */

/** A request body as the byte chunks ingest() reads; a missing body is an empty file. */
export async function* readChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.length > 0) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Text chunks (a CSV export) as a response body, produced only as fast as the client reads. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * Reads and throws away what is left of a request body, up to `limit` bytes.
 * Used when a route answers before reading the whole upload (a file refused
 * from its first bytes): browsers read the answer only once they have sent
 * everything, so the rest is let through instead of stalling them.
 * `chunks` is the readChunks() iterator the body was being read through.
 */
export async function discardRest(chunks: AsyncGenerator<Uint8Array>, stream: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  let seen = 0;
  try {
    for await (const chunk of chunks) {
      seen += chunk.length;
      if (seen > limit) return;
    }
    // The iterator may have been closed early by its reader, leaving the body unread.
    if (!stream || stream.locked) return;
    const reader = stream.getReader();
    try {
      while (seen <= limit) {
        const { done, value } = await reader.read();
        if (done) return;
        seen += value.length;
      }
    } finally {
      reader.releaseLock();
    }
  } catch {
    // The client went away: nothing left to discard.
  }
}
