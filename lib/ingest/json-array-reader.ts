import { IngestFileError } from "./types";

/**
 * Streaming splitter for a top-level JSON array (`[{…}, {…}]`, pretty-printed or on one line): emits the text
 * of each element with the 1-based line on which it starts, without ever holding more than one element.
 * It tracks only strings and bracket depth; each element's text is then given to JSON.parse, which reports
 * any syntax error for that element alone. Tolerates a trailing comma, a missing comma between elements and
 * several arrays in a row; text outside any array is reported one line at a time.
 */

/** One element this large means the structure is broken (e.g. an unclosed string), not that the data is big. */
export const MAX_JSON_ELEMENT_CHARS = 64 << 20;

export interface JsonElementSink {
  element(text: string, line: number): void;
  malformed(line: number, text: string, reason: string): void;
}

type Stage = "before-array" | "first-element" | "element" | "in-element" | "after-element" | "done";

const LF = 10;

export class JsonArrayReader {
  private buf = "";
  private scan = 0;
  private line = 1;
  private stage: Stage = "before-array";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementStart = 0;
  private elementLine = 0;

  push(text: string, sink: JsonElementSink): void {
    if (text.length === 0) return;
    // After compact() the buffer holds only unread text (or the element being read), so this stays small.
    this.buf = this.buf.length > 0 ? this.buf + text : text;
    this.run(sink, false);
    this.compact();
  }

  end(sink: JsonElementSink): void {
    this.run(sink, true);
    if (this.stage === "in-element") {
      // Unterminated last element: let JSON.parse describe what is missing.
      sink.element(this.buf.slice(this.elementStart), this.elementLine);
      this.stage = "done";
    }
    this.buf = "";
    this.scan = 0;
  }

  private compact(): void {
    const keepFrom = this.stage === "in-element" ? this.elementStart : this.scan;
    if (keepFrom === 0) return;
    this.buf = this.buf.slice(keepFrom);
    this.scan -= keepFrom;
    this.elementStart -= keepFrom;
  }

  private run(sink: JsonElementSink, final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.scan;
    while (i < n) {
      if (this.stage === "in-element") {
        let depth = this.depth;
        let inString = this.inString;
        let escaped = this.escaped;
        let line = this.line;
        let endAt = -1; // element ends before this index
        for (; i < n; i++) {
          const c = buf.charCodeAt(i);
          if (c === LF) line++;
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 92 /* \ */) escaped = true;
            else if (c === 34 /* " */) inString = false;
          } else if (c === 34) inString = true;
          else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
          else if (c === 125 /* } */ || c === 93 /* ] */) {
            if (depth === 0) {
              endAt = i; // a bare value (number, string…) closed by the array's `]`
              break;
            }
            depth--;
            if (depth === 0) {
              endAt = ++i;
              break;
            }
          } else if (c === 44 /* , */ && depth === 0) {
            endAt = i;
            break;
          }
        }
        this.depth = depth;
        this.inString = inString;
        this.escaped = escaped;
        this.line = line;
        if (endAt < 0) {
          if (n - this.elementStart > MAX_JSON_ELEMENT_CHARS) {
            throw new IngestFileError(
              `The JSON array element starting on line ${this.elementLine} is longer than ${MAX_JSON_ELEMENT_CHARS >> 20} MB; the file is probably not valid JSON (an unclosed string or bracket).`,
            );
          }
          break;
        }
        sink.element(buf.slice(this.elementStart, endAt).trimEnd(), this.elementLine);
        this.stage = "after-element";
        continue;
      }

      const c = buf.charCodeAt(i);
      if (c === LF) this.line++;
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
        i++;
        continue;
      }
      switch (this.stage) {
        case "before-array":
        case "done":
          if (c === 91) {
            // Another array after the first (`[…][…]`, or one array per line): its elements are rows too.
            this.stage = "first-element";
            i++;
          } else {
            // Text outside any array: one rejected row per line of it, so nothing is dropped silently.
            const lineEnd = buf.indexOf("\n", i);
            if (lineEnd < 0 && !final) {
              this.scan = i;
              return;
            }
            const end = lineEnd < 0 ? n : lineEnd;
            sink.malformed(
              this.line,
              buf.slice(i, Math.min(end, i + 400)).trimEnd(),
              this.stage === "done" ? "text after the closing ] of the JSON array" : "text before the JSON array",
            );
            i = end;
          }
          break;
        case "first-element":
        case "element":
          if (c === 93) {
            this.stage = "done";
            i++;
          } else if (c === 44) {
            i++; // empty element: `[{…},,{…}]`
          } else this.startElement(i);
          break;
        case "after-element":
          if (c === 44) {
            this.stage = "element";
            i++;
          } else if (c === 93) {
            this.stage = "done";
            i++;
          } else this.startElement(i); // missing comma: read it as the next element anyway
          break;
      }
    }
    this.scan = i;
  }

  private startElement(at: number): void {
    this.stage = "in-element";
    this.elementStart = at;
    this.elementLine = this.line;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}
