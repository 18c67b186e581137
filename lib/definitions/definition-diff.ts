/**
 * "What changed" between two versions of a definition, as short lines a
 * reviewer can read without opening the JSON:
 *
 *   Power users: sessionsPerWeek > 5 → > 4
 *   Added rule "Trial"
 *   Rule order: Churned, Dormant, New → Dormant, Churned, New
 *   percentileCutPoints: 0.2, 0.4, 0.6, 0.8 → 0.25, 0.4, 0.6, 0.8
 *   Grid R1 F2: Hibernating → Lost
 *   Playbook "Champions": "Reward them" → "Invite to the advisory board"
 *
 * Works on any model's JSON: lists of named items (rules, tiers, signals) are
 * matched by name, so a reorder or an insertion reads as such rather than as
 * every later item changing; conditions are compared whole and phrased with
 * the feature name, as in the rule editor. Pure (saved versions and the
 * editor's "compare" view use the same words).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const OPERATOR_SYMBOL: Record<string, string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" };

/** Item nouns by the key of the list that holds them ("rules" → "rule"). */
const ITEM_NOUN: Record<string, string> = {
  rules: "rule",
  tiers: "tier",
  signals: "signal",
  criteria: "criterion",
  conditions: "condition",
  segments: "segment",
  metrics: "metric",
};

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameJson(a[key], b[key])) return false;
    return true;
  }
  return false;
}

function isCondition(value: unknown): value is { [key: string]: Json } {
  return isObject(value) && typeof value.operator === "string" && (typeof value.feature === "string" || typeof value.event === "string");
}

function conditionSubject(condition: { [key: string]: Json }): string {
  return typeof condition.feature === "string" ? condition.feature : `“${String(condition.event)}” count`;
}

/** "> 5", "between 2 and 8". */
function comparisonText(condition: { [key: string]: Json }): string {
  if (condition.operator === "between") return `between ${value(condition.min)} and ${value(condition.max)}`;
  return `${OPERATOR_SYMBOL[String(condition.operator)] ?? String(condition.operator)} ${value(condition.value)}`;
}

function conditionText(condition: { [key: string]: Json }): string {
  return `${conditionSubject(condition)} ${comparisonText(condition)}`;
}

function value(json: unknown): string {
  if (json === undefined) return "(none)";
  if (typeof json === "string") return `"${json}"`;
  if (typeof json === "number") return String(json);
  if (Array.isArray(json) && json.every((item) => typeof item !== "object" || item === null)) return json.map(value).join(", ");
  if (isCondition(json)) return conditionText(json);
  return JSON.stringify(json);
}

/** The identity of a list item: its name (rules, tiers), event (signals) or label (PQL criteria); null when it has none. */
function identity(item: unknown): string | null {
  if (!isObject(item)) return null;
  if (typeof item.name === "string") return item.name;
  const event = item.event;
  if (typeof event === "string" && !isCondition(item)) return event;
  if (typeof item.label === "string") return item.label;
  return null;
}

function uniqueIdentities(items: readonly unknown[]): string[] | null {
  const ids = items.map(identity);
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function at(location: string, text: string): string {
  return location ? `${location}: ${text}` : capitalize(text);
}

function join(location: string, part: string): string {
  return location ? `${location}.${part}` : part;
}

function diffNamedList(location: string, noun: string, before: Json[], beforeIds: string[], after: Json[], afterIds: string[], out: string[]): void {
  const prefix = (text: string) => at(location, text);
  for (const id of beforeIds) if (!afterIds.includes(id)) out.push(prefix(`removed ${noun} "${id}"`));
  for (const id of afterIds) if (!beforeIds.includes(id)) out.push(prefix(`added ${noun} "${id}"`));
  const keptBefore = beforeIds.filter((id) => afterIds.includes(id));
  const keptAfter = afterIds.filter((id) => beforeIds.includes(id));
  if (keptBefore.join("\u0000") !== keptAfter.join("\u0000")) {
    out.push(prefix(`${noun} order: ${keptBefore.join(", ")} → ${keptAfter.join(", ")}`));
  }
  for (const id of keptAfter) {
    diffValue(id, before[beforeIds.indexOf(id)], after[afterIds.indexOf(id)], out);
  }
}

function diffValue(location: string, before: Json | undefined, after: Json | undefined, out: string[], key = ""): void {
  if (sameJson(before, after)) return;
  if (isCondition(before) && isCondition(after)) {
    const right = conditionSubject(before) === conditionSubject(after) ? comparisonText(after) : conditionText(after);
    out.push(at(location, `${conditionText(before)} → ${right}`));
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const noun = ITEM_NOUN[key] ?? "item";
    const beforeIds = uniqueIdentities(before);
    const afterIds = uniqueIdentities(after);
    if (beforeIds && afterIds && before.length > 0 && after.length > 0) {
      diffNamedList(location === key ? "" : location, noun, before, beforeIds, after, afterIds, out);
      return;
    }
    if (key === "grid") {
      for (let r = 0; r < Math.max(before.length, after.length); r++) {
        const rowBefore = before[r];
        const rowAfter = after[r];
        if (Array.isArray(rowBefore) && Array.isArray(rowAfter)) {
          for (let f = 0; f < Math.max(rowBefore.length, rowAfter.length); f++) {
            if (!sameJson(rowBefore[f], rowAfter[f])) out.push(`Grid R${r + 1} F${f + 1}: ${value(rowBefore[f])} → ${value(rowAfter[f])}`);
          }
        } else if (!sameJson(rowBefore, rowAfter)) {
          out.push(`Grid R${r + 1}: ${value(rowBefore)} → ${value(rowAfter)}`);
        }
      }
      return;
    }
    const primitives = [...before, ...after].every((item) => typeof item !== "object" || item === null);
    if (primitives) {
      out.push(at(location, `${value(before)} → ${value(after)}`));
      return;
    }
    // Unnamed items (a rule's conditions, PQL criteria): position by position, then what was added or removed at the end.
    const owner = location === key ? "" : location.slice(0, Math.max(0, location.length - key.length - 1));
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) {
      // A condition reads well under its rule's name; other items get a number ("Criterion 2.points").
      const item = isCondition(before[i]) && isCondition(after[i]) ? owner : join(owner, `${owner ? noun : capitalize(noun)} ${i + 1}`);
      diffValue(item, before[i], after[i], out);
    }
    for (let i = common; i < after.length; i++) out.push(at(owner, `added ${noun} ${value(after[i])}`));
    for (let i = common; i < before.length; i++) out.push(at(owner, `removed ${noun} ${value(before[i])}`));
    return;
  }
  if (isObject(before) && isObject(after)) {
    // The new version's field order (a stored version comes back from jsonb with its keys reordered).
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    for (const child of keys) diffValue(join(location, child), before[child], after[child], out, child);
    return;
  }
  out.push(at(location, `${value(before)} → ${value(after)}`));
}

/**
 * The changes from one definition JSON to the next, one line each, in the
 * order of the definition's fields; [] when they are equal.
 * @example describeDefinitionChanges(
 *   { rules: [{ name: "Power users", match: "all", conditions: [{ feature: "sessionsPerWeek", operator: ">", value: 5 }] }], fallback: "Casual" },
 *   { rules: [{ name: "Power users", match: "all", conditions: [{ feature: "sessionsPerWeek", operator: ">", value: 4 }] }], fallback: "Casual" },
 * ) // ["Power users: sessionsPerWeek > 5 → > 4"]
 */
export function describeDefinitionChanges(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  diffValue("", before as Json, after as Json, out);
  return out;
}

/**
 * Changes to a playbook (segment → suggested action).
 * @example describePlaybookChanges({ Lost: "Leave them" }, { Lost: "One last offer" })
 *   // ['Playbook "Lost": "Leave them" → "One last offer"']
 */
export function describePlaybookChanges(before: Record<string, string> | null, after: Record<string, string> | null): string[] {
  const previous = before ?? {};
  const next = after ?? {};
  const out: string[] = [];
  for (const segment of [...new Set([...Object.keys(previous), ...Object.keys(next)])]) {
    if (previous[segment] === next[segment]) continue;
    out.push(`Playbook "${segment}": ${value(previous[segment])} → ${value(next[segment])}`);
  }
  return out;
}
