/**
 * Zod issues of a definition as sentences a practitioner can act on. The rule
 * editor and the API's 400 both show exactly these strings.
 *
 *   ["rules", 1, "conditions", 0, "value"] + NaN
 *     → 'Rule 2 "Dormant", condition 1: value must be a finite number (got NaN)'
 *
 * Issues raised by a definition's own checks (code "custom") are already whole
 * sentences and pass through unchanged.
 */
import type { z } from "zod";
import { suggestFeature } from "./features";

type PathKey = PropertyKey;

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function quoted(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return String(value);
}

function nameOf(node: unknown, key: string): string {
  const value = valueAt(node, [key]);
  return typeof value === "string" && value.trim().length > 0 ? ` "${value}"` : "";
}

/** Human names of list items by the list they sit in. */
const ITEM_NAMES: Record<string, (index: number, item: unknown) => string> = {
  rules: (i, item) => `Rule ${i + 1}${nameOf(item, "name")}`,
  conditions: (i) => `condition ${i + 1}`,
  criteria: (i, item) => `Criterion ${i + 1}${nameOf(item, "label")}`,
  signals: (i, item) => `Signal ${i + 1}${nameOf(item, "event") || nameOf(item, "label")}`,
  tiers: (i, item) => `Tier ${i + 1}${nameOf(item, "name")}`,
  metrics: (i) => `metric ${i + 1}`,
  segments: (i) => `segment ${i + 1}`,
  clusters: (i, item) => `Cluster ${i + 1}${nameOf(item, "name")}`,
  features: (i, item) => `Clustering feature ${i + 1}${nameOf(item, "feature")}`,
};

/** "Rule 2 "Dormant", condition 1" for the container of the failing field; the field itself is returned apart. */
function locate(input: unknown, path: readonly PathKey[]): { location: string; subject: string | null } {
  const parts: string[] = [];
  let subject: string | null = null;
  let index = 0;
  while (index < path.length) {
    const key = path[index]!;
    const next = path[index + 1];
    if (typeof key === "string" && key === "grid" && typeof next === "number") {
      const column = path[index + 2];
      parts.push(typeof column === "number" ? `Grid cell R${next + 1} F${column + 1}` : `Grid row R${next + 1}`);
      index += typeof column === "number" ? 3 : 2;
      continue;
    }
    if (typeof key === "string" && typeof next === "number") {
      const item = valueAt(input, path.slice(0, index + 2));
      const describe = ITEM_NAMES[key];
      parts.push(describe ? describe(next, item) : `${key} item ${next + 1}`);
      index += 2;
      continue;
    }
    if (index === path.length - 1 && typeof key === "string") {
      subject = key;
    } else {
      parts.push(String(key));
    }
    index += 1;
  }
  const location = parts.join(", ");
  return { location: location.length > 0 ? location.charAt(0).toUpperCase() + location.slice(1) : "", subject };
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, subject: string | null, atRoot: boolean): string {
  const given = valueAt(input, issue.path);
  const what = subject ?? (atRoot ? "the definition" : "value");
  switch (issue.code) {
    case "invalid_type": {
      if (given === undefined) return `${what} is missing`;
      if (issue.expected === "number" && typeof given === "number") {
        return `${what} must be a finite number (got ${quoted(given)})`;
      }
      const expected = issue.expected === "array" ? "list" : issue.expected;
      return `${what} must be ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected} (got ${quoted(given)})`;
    }
    case "invalid_value": {
      if (subject === "feature" && typeof given === "string") {
        const hint = suggestFeature(given);
        return `unknown feature ${quoted(given)}${hint ? ` — did you mean "${hint}"?` : ""}`;
      }
      const options = issue.values.map((value) => quoted(value)).join(", ");
      return `${what} must be one of ${options} (got ${quoted(given)})`;
    }
    case "invalid_union": {
      // A discriminated union reports the allowed discriminator values in `options` (not in its type).
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options)) {
        return `${what} must be one of ${options.map((option: unknown) => quoted(option)).join(", ")} (got ${quoted(given)})`;
      }
      return `${what} is not valid here`;
    }
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return `${what} must not be empty`;
      if (issue.origin === "array") return `${what} needs at least ${minimum} ${minimum === 1 ? "entry" : "entries"}`;
      return `${what} must be ${issue.inclusive ? "≥" : ">"} ${minimum} (got ${quoted(given)})`;
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return `${what} must be at most ${maximum} characters`;
      if (issue.origin === "array") return `${what} allows at most ${maximum} ${maximum === 1 ? "entry" : "entries"}`;
      return `${what} must be ${issue.inclusive ? "≤" : "<"} ${maximum} (got ${quoted(given)})`;
    }
    case "unrecognized_keys":
      return `unexpected field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => quoted(key)).join(", ")}`;
    default:
      return subject ? `${subject}: ${issue.message}` : issue.message;
  }
}

/**
 * A union that failed on every branch ("a feature condition or an event
 * condition") reports the issues of the branch the input most resembles: one
 * not rejecting the input's fields outright, then the one with fewest issues.
 */
function expandUnions(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const cost = (branch: z.core.$ZodIssue[]) =>
    branch.length + (branch.some((inner) => inner.code === "unrecognized_keys" && inner.path.length === 0) ? 100 : 0);
  const best = [...issue.errors].sort((a, b) => cost(a) - cost(b))[0]!;
  return best.flatMap((inner) => expandUnions({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/** Every issue of a failed parse as one readable sentence, in zod's order, without repeats. */
export function definitionErrors(error: z.ZodError, input: unknown): string[] {
  const messages: string[] = [];
  for (const issue of error.issues.flatMap(expandUnions)) {
    let message: string;
    if (issue.code === "custom") {
      message = issue.message;
    } else {
      const { location, subject } = locate(input, issue.path);
      const body = describeIssue(issue, input, subject, issue.path.length === 0);
      message = location ? `${location}: ${body}` : body.charAt(0).toUpperCase() + body.slice(1);
    }
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}
