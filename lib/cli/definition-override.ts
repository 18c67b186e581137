/**
 * `strata segments --set PATH=VALUE`: change one number (or any field) of a
 * definition from the command line without writing JSON.
 *
 * PATH is a dot-separated walk into the definition JSON. Each step is
 *   - a field name:                 fallback, thresholds.recencyDaysAtMost, bands.highAtLeast
 *   - a 0-based list position:      rules.4.conditions.0.value, percentileCutPoints.3
 *   - the name of a list item:      rules.Power users   (name, label or event; case ignored)
 *   - inside a rule or a PQL criterion, a feature or event name picks that condition
 *     (the first one on it); setting a condition sets its value:
 *                                  rules.Power users.sessionsPerWeek=4   (same as rules.4.conditions.0.value=4)
 * VALUE is JSON when it parses as JSON (4, 0.5, true, "text", [0.25,0.5,0.7,0.9]), else the text itself.
 *
 * The result is checked by validateDefinition afterwards, like any definition.
 */

export class DefinitionOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DefinitionOverrideError";
  }
}

type Container = Record<string, unknown> | unknown[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCondition(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.operator === "string" && (typeof value.feature === "string" || typeof value.event === "string");
}

function same(a: unknown, b: string): boolean {
  return typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function describeChoices(node: unknown): string {
  if (Array.isArray(node)) {
    const names = node.map((item) => (isRecord(item) ? (item.name ?? item.label ?? item.event) : undefined)).filter((name) => typeof name === "string");
    const positions = node.length > 0 ? `a position 0–${node.length - 1}` : "no position (the list is empty)";
    return names.length > 0 ? `${positions} or one of ${names.map((name) => `"${name}"`).join(", ")}` : positions;
  }
  if (isRecord(node)) {
    const keys = Object.keys(node).map((key) => `"${key}"`);
    const conditions = Array.isArray(node.conditions) ? node.conditions : isCondition(node.when) ? [node.when] : [];
    const subjects = conditions.filter(isCondition).map((condition) => `"${String(condition.feature ?? condition.event)}"`);
    return [...keys, ...subjects].join(", ");
  }
  return "nothing (it is a single value)";
}

/** One step of the walk: where the next value lives. */
function locate(node: unknown, step: string, walked: string, final: boolean): { container: Container; key: string | number } {
  const where = walked === "" ? "the definition" : `"${walked}"`;
  if (Array.isArray(node)) {
    if (/^\d+$/.test(step)) {
      const index = Number(step);
      if (index >= node.length) throw new DefinitionOverrideError(`${where} has ${node.length} entries; position ${index} is past the end (positions start at 0)`);
      return { container: node, key: index };
    }
    const index = node.findIndex((item) => isRecord(item) && (same(item.name, step) || same(item.label, step) || same(item.event, step)));
    if (index < 0) throw new DefinitionOverrideError(`${where} has no entry "${step}"; use ${describeChoices(node)}`);
    return { container: node, key: index };
  }
  if (isRecord(node)) {
    if (Object.hasOwn(node, step)) return { container: node, key: step };
    if (Array.isArray(node.conditions)) {
      const index = node.conditions.findIndex((condition) => isCondition(condition) && (same(condition.feature, step) || same(condition.event, step)));
      if (index >= 0) return { container: node.conditions, key: index };
    }
    if (isCondition(node.when) && (same(node.when.feature, step) || same(node.when.event, step))) return { container: node, key: "when" };
    // A new last field (e.g. an optional maxCount): validation then says whether it belongs there.
    if (final) return { container: node, key: step };
    throw new DefinitionOverrideError(`${where} has no "${step}"; use ${describeChoices(node)}`);
  }
  throw new DefinitionOverrideError(`${where} is a single value; "${step}" cannot be looked up inside it`);
}

/** JSON when it parses, else the raw text ("threshold", "Power users"). */
export function parseOverrideValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Splits "PATH=VALUE" at the first "=". */
export function parseAssignment(assignment: string): { path: string[]; value: unknown } {
  const equals = assignment.indexOf("=");
  if (equals <= 0) throw new DefinitionOverrideError(`--set "${assignment}": expected PATH=VALUE, e.g. "rules.Power users.sessionsPerWeek=4"`);
  const path = assignment.slice(0, equals).split(".").map((step) => step.trim());
  if (path.some((step) => step === "")) throw new DefinitionOverrideError(`--set "${assignment}": the path has an empty step`);
  return { path, value: parseOverrideValue(assignment.slice(equals + 1).trim()) };
}

/**
 * A copy of `definition` with every assignment applied in order.
 * @example applyOverrides(DEFAULT_BEHAVIOR_RULES, ["rules.Power users.sessionsPerWeek=4"]).rules[4].conditions[0].value === 4
 * @throws DefinitionOverrideError naming the step that does not exist.
 */
export function applyOverrides<T>(definition: T, assignments: readonly string[]): T {
  const result = structuredClone(definition) as T;
  for (const assignment of assignments) {
    const { path, value } = parseAssignment(assignment);
    let node: unknown = result;
    let walked = "";
    for (const step of path.slice(0, -1)) {
      const { container, key } = locate(node, step, walked, false);
      node = (container as Record<string | number, unknown>)[key];
      walked = walked === "" ? step : `${walked}.${step}`;
    }
    const last = path[path.length - 1]!;
    let { container, key } = locate(node, last, walked, true);
    const target = (container as Record<string | number, unknown>)[key];
    if (isCondition(target) && !isRecord(value)) {
      // A condition stands for its number: "sessionsPerWeek=4" sets the value it is compared with.
      if (target.operator === "between") {
        throw new DefinitionOverrideError(`--set "${assignment}": that condition is "between"; set ${path.join(".")}.min or .max`);
      }
      container = target;
      key = "value";
    }
    (container as Record<string | number, unknown>)[key] = value;
  }
  return result;
}
