import { isBlank } from "./csv-reader";

/**
 * Streaming line splitter for NDJSON and whitespace-separated logs: text arrives in arbitrary pieces, each
 * non-blank physical line leaves with its 1-based line number, without its LF / CRLF ending. Blank and
 * whitespace-only lines are skipped but counted.
 *
 * Only new text is searched for line breaks, so a long line arriving in many pieces costs linear time; a line
 * longer than {@link MAX_LINE_CHARS} is reported through `onTooLong` and dropped up to its line break instead
 * of being buffered (a file without line breaks must not be held in memory whole).
 */

export const MAX_LINE_CHARS = 64 << 20;

export type LineHandler = (text: string, line: number) => void;
/** Receives the line number and the first characters of a line that was too long to keep. */
export type TooLongHandler = (line: number, prefix: string) => void;

export class LineReader {
  private pending = "";
  private nextLine = 1;
  private discarding = false;

  constructor(private readonly maxLineChars = MAX_LINE_CHARS) {}

  push(text: string, onLine: LineHandler, onTooLong?: TooLongHandler): void {
    if (text.length === 0) return;
    let lineEnd = text.indexOf("\n");
    if (lineEnd < 0) {
      if (this.discarding) return;
      this.pending += text;
      if (this.pending.length > this.maxLineChars) {
        onTooLong?.(this.nextLine, this.pending.slice(0, 200));
        this.pending = "";
        this.discarding = true;
      }
      return;
    }
    // The line continued from earlier pieces ends in this one.
    if (this.discarding) {
      this.discarding = false;
      this.nextLine++;
    } else if (this.pending.length > 0) {
      const line = this.pending + text.slice(0, lineEnd);
      this.pending = "";
      this.emit(line, 0, line.length, onLine);
    } else this.emit(text, 0, lineEnd, onLine);
    let pos = lineEnd + 1;
    for (;;) {
      lineEnd = text.indexOf("\n", pos);
      if (lineEnd < 0) break;
      this.emit(text, pos, lineEnd, onLine);
      pos = lineEnd + 1;
    }
    if (pos < text.length) this.push(text.slice(pos), onLine, onTooLong); // no newline left: buffer or drop
  }

  /** Flushes a last line that has no newline after it. */
  end(onLine: LineHandler): void {
    if (this.pending.length > 0 && !this.discarding) this.emit(this.pending, 0, this.pending.length, onLine);
    this.pending = "";
    this.discarding = false;
  }

  private emit(buf: string, start: number, lineEnd: number, onLine: LineHandler): void {
    let end = lineEnd;
    if (end > start && buf.charCodeAt(end - 1) === 13) end--;
    if (!isBlank(buf, start, end)) onLine(buf.slice(start, end), this.nextLine);
    this.nextLine++;
  }
}

/** Splits on runs of spaces and tabs, ignoring leading and trailing ones (`" 00001 19970101  1   11.77"`). */
export function splitOnWhitespace(text: string): string[] {
  const fields: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpaceOrTab(text.charCodeAt(i))) i++;
    if (i >= n) return fields;
    const start = i;
    while (i < n && !isSpaceOrTab(text.charCodeAt(i))) i++;
    fields.push(text.slice(start, i));
  }
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
