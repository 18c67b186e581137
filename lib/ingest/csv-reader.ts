/**
 * Streaming RFC 4180 record reader for CSV / TSV text: quoted fields, doubled quotes (`""`), newlines inside
 * quotes, LF or CRLF line ends. Text arrives in arbitrary pieces (`push`), records leave through a sink with
 * the 1-based physical line on which they start.
 *
 * Speed: a line without any `"` is split with String#split (the common case, no per-character loop); only
 * lines containing a quote go through the quote-aware scanner.
 *
 * Leniency, chosen so real exports load rather than fail:
 * - a quote inside an unquoted field is literal (`5" screen`), text after a closing quote is appended (`"a"b` → `ab`);
 * - blank and whitespace-only lines are skipped (they are not records) but still counted as lines;
 * - a quoted field still open at the end of the file, or longer than {@link MAX_RECORD_CHARS}, is reported as
 *   malformed on its start line and reading resumes on the next physical line;
 * - a line longer than {@link MAX_RECORD_CHARS} without any line break is reported and skipped up to its
 *   line break, so a file without line breaks is never buffered whole.
 * A UTF-8 BOM is removed by the decoder before text reaches this reader.
 */

/** A record this long inside quotes is a stray quote, not data: give up on it instead of buffering the file. */
export const MAX_RECORD_CHARS = 1 << 20;

export interface CsvRecordSink {
  record(fields: string[], line: number): void;
  malformed(line: number, text: string, reason: string): void;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const NEED_MORE = 0;
const UNCLOSED = 1;

interface QuotedRecord {
  fields: string[];
  /** Index just past the record's line end. */
  next: number;
  /** Physical lines the record spans. */
  lines: number;
}

export class CsvRecordReader {
  readonly delimiter: string;
  private readonly delimiterCode: number;
  private pending = "";
  private nextLine = 1;
  /** Dropping the rest of an over-long line up to its line break. */
  private discarding = false;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new Error(`CSV delimiter must be one character other than a quote or newline, got ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Line number the next unread text starts on. */
  get line(): number {
    return this.nextLine;
  }

  push(text: string, sink: CsvRecordSink): void {
    if (text.length === 0) return;
    if (this.discarding) {
      const lineEnd = text.indexOf("\n");
      if (lineEnd < 0) return;
      this.discarding = false;
      this.nextLine++;
      text = text.slice(lineEnd + 1);
    }
    this.consume(this.pending.length > 0 ? this.pending + text : text, sink, false);
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(sink: CsvRecordSink): void {
    if (this.pending.length > 0 && !this.discarding) this.consume(this.pending, sink, true);
    this.pending = "";
    this.discarding = false;
  }

  private consume(buf: string, sink: CsvRecordSink, final: boolean): void {
    const n = buf.length;
    const delimiter = this.delimiter;
    let pos = 0;
    let quoteAt = -1; // next quote at or after pos (n when none): cached so quote-free text is searched once
    while (pos < n) {
      if (quoteAt < pos) {
        quoteAt = buf.indexOf('"', pos);
        if (quoteAt < 0) quoteAt = n;
      }
      let lineEnd = buf.indexOf("\n", pos);
      if (lineEnd < 0) {
        if (!final) {
          if (n - pos > MAX_RECORD_CHARS) {
            // No line break in sight: drop the rest of this line rather than buffer an unbounded amount.
            sink.malformed(this.nextLine, buf.slice(pos, pos + 400), `line is longer than ${MAX_RECORD_CHARS >> 20} MB without a line break`);
            this.discarding = true;
            pos = n;
          }
          break;
        }
        lineEnd = n;
      }
      if (quoteAt >= lineEnd) {
        let end = lineEnd;
        if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
        if (!isBlank(buf, pos, end)) sink.record(buf.slice(pos, end).split(delimiter), this.nextLine);
        this.nextLine++;
        pos = lineEnd + 1;
        continue;
      }
      const result = this.readQuotedRecord(buf, pos, final);
      if (result === NEED_MORE && n - pos <= MAX_RECORD_CHARS) break;
      if (result === NEED_MORE || result === UNCLOSED) {
        const firstLineEnd = lineEnd;
        const reason =
          result === UNCLOSED
            ? "a quoted field is never closed (unbalanced \" in this row)"
            : `a quoted field runs past ${MAX_RECORD_CHARS >> 20} MB (unbalanced " in this row)`;
        sink.malformed(this.nextLine, buf.slice(pos, Math.min(firstLineEnd, pos + 400)), reason);
        this.nextLine++;
        pos = firstLineEnd + 1;
        continue;
      }
      sink.record(result.fields, this.nextLine);
      this.nextLine += result.lines;
      pos = result.next;
    }
    this.pending = pos < n ? buf.slice(pos) : "";
  }

  private readQuotedRecord(buf: string, start: number, final: boolean): QuotedRecord | typeof NEED_MORE | typeof UNCLOSED {
    const n = buf.length;
    const delimiterCode = this.delimiterCode;
    const fields: string[] = [];
    let lines = 1;
    let i = start;
    for (;;) {
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let value = "";
        let segmentStart = i + 1;
        let searchFrom = segmentStart;
        for (;;) {
          const q = buf.indexOf('"', searchFrom);
          if (q < 0) return final ? UNCLOSED : NEED_MORE;
          if (q + 1 >= n && !final) return NEED_MORE; // cannot tell `"` from `""` yet
          if (q + 1 < n && buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(segmentStart, q + 1);
            searchFrom = segmentStart = q + 2;
            continue;
          }
          value += buf.slice(segmentStart, q);
          lines += countLineFeeds(buf, i + 1, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next delimiter / line end is kept, without a trailing CR.
        let k = i;
        while (k < n) {
          const code = buf.charCodeAt(k);
          if (code === delimiterCode || code === LF) break;
          k++;
        }
        if (k >= n && !final) return NEED_MORE;
        if (k > i) {
          let extraEnd = k;
          if (k < n && buf.charCodeAt(k) === LF && buf.charCodeAt(extraEnd - 1) === CR) extraEnd--;
          if (final && k >= n && buf.charCodeAt(extraEnd - 1) === CR) extraEnd--;
          value += buf.slice(i, extraEnd);
        }
        fields.push(value);
        i = k;
      } else {
        const nextDelimiter = buf.indexOf(this.delimiter, i);
        const nextLineFeed = buf.indexOf("\n", i);
        let k: number;
        if (nextLineFeed >= 0 && (nextDelimiter < 0 || nextLineFeed < nextDelimiter)) k = nextLineFeed;
        else if (nextDelimiter >= 0) k = nextDelimiter;
        else if (final) k = n;
        else return NEED_MORE;
        let fieldEnd = k;
        if ((k === n || buf.charCodeAt(k) === LF) && fieldEnd > i && buf.charCodeAt(fieldEnd - 1) === CR) fieldEnd--;
        fields.push(buf.slice(i, fieldEnd));
        i = k;
      }
      if (i >= n) return { fields, next: n, lines };
      if (buf.charCodeAt(i) === delimiterCode) {
        i++;
        continue;
      }
      return { fields, next: i + 1, lines }; // at the LF ending the record
    }
  }
}

function countLineFeeds(buf: string, from: number, to: number): number {
  let count = 0;
  let at = buf.indexOf("\n", from);
  while (at >= 0 && at < to) {
    count++;
    at = buf.indexOf("\n", at + 1);
  }
  return count;
}

/** Empty or only spaces / tabs between `start` and `end`. */
export function isBlank(buf: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = buf.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
