/**
 * What the `segment_definitions.change_note` text column holds, without a
 * schema change for the free-text note a person may add when saving:
 *
 *   no note    the computed changes, one per line (as every version saved
 *              before notes existed):  "Dormant: recencyDays ≥ 30 → ≥ 20"
 *   a note     a JSON object:  {"note":"Ops asked for a shorter window","changes":["Dormant: …"]}
 *
 * JSON rather than "note on the first line" because a note may span lines.
 * A line-format note is never mistaken for JSON: only text that parses to
 * exactly that object shape reads as one. Pure.
 */

export interface ChangeNote {
  /** The person's "why", as typed (trimmed); null when none was given. */
  note: string | null;
  /** What changed against the previous version, computed by definition-diff.ts ("First version" for v1). */
  changes: string[];
}

export function encodeChangeNote({ note, changes }: ChangeNote): string {
  if (note === null || note === "") return changes.join("\n");
  return JSON.stringify({ note, changes });
}

export function decodeChangeNote(text: string): ChangeNote {
  if (text.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (
        typeof parsed === "object" &&
        parsed !== null &&
        typeof (parsed as { note?: unknown }).note === "string" &&
        Array.isArray((parsed as { changes?: unknown }).changes) &&
        (parsed as { changes: unknown[] }).changes.every((line) => typeof line === "string")
      ) {
        return { note: (parsed as { note: string }).note, changes: (parsed as { changes: string[] }).changes };
      }
    } catch {
      // Not JSON: a change line that happens to start with "{" (a rule named so).
    }
  }
  return { note: null, changes: text.split("\n") };
}
