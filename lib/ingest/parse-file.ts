import { decodeHead, detectFormat, HEAD_BYTES, type Delimiter, type FormatDetection } from "./detect";
import { planParse, type ParseFileOptions } from "./parse-plan";
import { createRowPipeline } from "./row-pipeline";
import type { ColumnMapping, FormatName, ParsedRow, ParseProgress } from "./types";

/**
 * The parsing half of ingest: bytes of an uploaded file → batches of ParsedRow, in input order, in constant
 * memory. Every non-blank input row becomes exactly one ParsedEvent or one RejectedRow; problems with the
 * file as a whole throw IngestFileError before any row is yielded.
 */

export { detectFormat, HEAD_BYTES };
export type { Delimiter, FormatDetection, ParseFileOptions };

/** Rows per yielded batch (at least; one decoded slice may add a few thousand more). */
export const BATCH_ROWS = 4096;

/** Input is decoded in slices of this size, which bounds the rows one slice can add to a batch. */
const DECODE_SLICE_BYTES = 64 * 1024;

/**
 * Streams `chunks` (any sizes) and yields arrays of rows. `onProgress` is called after each input chunk with
 * the bytes consumed so far.
 * @throws IngestFileError for empty, binary, header-less, unmappable or wrong-format files.
 */
export async function* parseFile(
  chunks: AsyncIterable<Uint8Array>,
  options: ParseFileOptions,
  onProgress?: (progress: ParseProgress) => void,
): AsyncGenerator<ParsedRow[], void> {
  const iterator = chunks[Symbol.asyncIterator]();
  let finished = false;
  try {
    // Read the head for detection, keeping the chunks to parse them afterwards.
    const headChunks: Uint8Array[] = [];
    let headLength = 0;
    let exhausted = false;
    while (headLength < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      headChunks.push(next.value);
      headLength += next.value.length;
    }
    const plan = planParse(concatBytes(headChunks, HEAD_BYTES), exhausted && headLength <= HEAD_BYTES, options);

    const pipeline = createRowPipeline(plan, options.skipLinesThrough ?? 0);
    const decoder = new TextDecoder(plan.encoding);
    let bytesRead = 0;
    function* feed(chunk: Uint8Array): Generator<ParsedRow[]> {
      for (let offset = 0; offset < chunk.length; offset += DECODE_SLICE_BYTES) {
        const slice = chunk.subarray(offset, Math.min(chunk.length, offset + DECODE_SLICE_BYTES));
        pipeline.push(decoder.decode(slice, { stream: true }));
        if (pipeline.pending >= BATCH_ROWS) yield pipeline.take();
      }
      bytesRead += chunk.length;
      onProgress?.({ bytesRead });
    }

    for (const chunk of headChunks) yield* feed(chunk);
    headChunks.length = 0;
    if (!exhausted) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield* feed(next.value);
      }
    }
    finished = true;
    pipeline.push(decoder.decode());
    pipeline.end();
    if (pipeline.pending > 0) yield pipeline.take();
  } finally {
    // Stopped early (consumer broke off, or an error): let the source release its file handle.
    if (!finished) await iterator.return?.();
  }
}

export interface FilePreview {
  format: FormatName;
  delimiter?: Delimiter;
  /** Header names, JSON keys of the first objects, or positional names of a header-less transaction log. */
  columns: string[];
  mapping?: ColumnMapping;
  hasHeader?: boolean;
  /** The first rows as they would be loaded (events and rejections). */
  rows: ParsedRow[];
}

export const PREVIEW_ROWS = 5;

/**
 * Detected format, columns, mapping and the first rows, for the upload screen. `head` is the start of the
 * file; a head of {@link HEAD_BYTES} or more is taken to be cut, so its last partial line is not shown.
 * @throws IngestFileError like {@link parseFile}.
 */
export function previewFile(head: Uint8Array, options: ParseFileOptions): FilePreview {
  const complete = head.length < HEAD_BYTES;
  const bytes = complete ? head : head.subarray(0, HEAD_BYTES);
  const plan = planParse(bytes, complete, options);
  const pipeline = createRowPipeline(plan);
  pipeline.push(decodeHead(bytes, plan.encoding, complete)); // the pipeline turns lone CRs into LFs itself
  if (complete) pipeline.end();
  const rows = pipeline.take().slice(0, PREVIEW_ROWS);
  return plan.kind === "delimited"
    ? { format: plan.format, delimiter: plan.delimiter, columns: plan.columns, mapping: plan.mapping, hasHeader: plan.hasHeader, rows }
    : { format: plan.format, columns: plan.columns, mapping: plan.mapping, rows };
}

/** The chunks joined, cut at `limit` bytes (a single chunk is returned as is; detection cuts it). */
function concatBytes(chunks: readonly Uint8Array[], limit: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const bytes = new Uint8Array(Math.min(total, limit));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= bytes.length) break;
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
