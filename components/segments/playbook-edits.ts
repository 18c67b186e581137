/**
 * Suggested actions edited in the explorer: a draft on top of the shown
 * version's playbook, kept in the URL (`playbook={"Dormant":"Call them"}`) like
 * edited thresholds, so a shared link shows the same actions. Only edited
 * segments are in the draft; saving stores the version's playbook with the
 * edits over it. Pure.
 */
import { PlaybookSchema, type Playbook } from "@/lib/definitions/playbook";

/** Longest action the playbook schema accepts (the input's maxLength). */
export const ACTION_MAX_LENGTH = 200;

/** The `playbook` URL parameter as edits; anything unreadable or invalid is no edit at all. */
export function parsePlaybookEdits(text: string | null): Playbook {
  if (text === null || text === "") return {};
  try {
    const parsed = PlaybookSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The URL parameter for the edits; null when there are none. */
export function serializePlaybookEdits(edits: Playbook): string | null {
  return Object.keys(edits).length > 0 ? JSON.stringify(edits) : null;
}

/** The edits with one segment's action set as typed (trimmed); empty text drops the edit (back to the saved action). */
export function withActionEdit(edits: Playbook, segment: string, text: string): Playbook {
  const action = text.trim().slice(0, ACTION_MAX_LENGTH);
  const { [segment]: _previous, ...others } = edits;
  return action ? { ...others, [segment]: action } : others;
}

/**
 * The playbook to compute with and to save: the shown version's own entries
 * with the edits over them; null when neither has any (segments fall back to
 * the default playbook).
 */
export function playbookWithEdits(saved: Playbook | null, edits: Playbook): Playbook | null {
  const merged = { ...(saved ?? {}), ...edits };
  return Object.keys(merged).length > 0 ? merged : null;
}
