/**
 * Checking an edited playbook with the one zod schema (recommendation-rules.ts)
 * and turning its issues into messages that say where the problem is: the
 * editor shows each message beside its field, and the API, the CLI and the
 * editor's summary print the same sentences. Pure.
 */
import type { ZodError } from "zod";
import { recommendationRulesSchema, type RecommendationRule } from "./recommendation-rules";

/** The rule fields an issue can point at (the editor's inputs). */
export type PlaybookField = "id" | "category" | "audience" | "when" | "minUsers" | "message" | "action" | "enabled";

export interface PlaybookIssue {
  /** 0-based position of the rule; null for a problem of the whole playbook. */
  ruleIndex: number | null;
  field: PlaybookField | null;
  /** 0-based position of the condition, for a problem inside `when`. */
  conditionIndex: number | null;
  message: string;
}

export type PlaybookCheck = { ok: true; rules: RecommendationRule[] } | { ok: false; issues: PlaybookIssue[] };

const FIELD_LABELS: Record<PlaybookField, string> = {
  id: "id",
  category: "category",
  audience: "audience",
  when: "conditions",
  minUsers: "minimum users",
  message: "message",
  action: "action",
  enabled: "enabled",
};

function issuesOf(error: ZodError): PlaybookIssue[] {
  return error.issues.map((issue) => {
    const [ruleIndex, field, conditionIndex] = issue.path;
    return {
      ruleIndex: typeof ruleIndex === "number" ? ruleIndex : null,
      field: typeof field === "string" && field in FIELD_LABELS ? (field as PlaybookField) : null,
      conditionIndex: field === "when" && typeof conditionIndex === "number" ? conditionIndex : null,
      message: issue.message,
    };
  });
}

/**
 * zod skips the list-level check (duplicate ids) while any rule has a problem
 * of its own; an editor should still see both, so the ids are checked here too.
 */
function duplicateIdIssues(input: readonly unknown[], known: readonly PlaybookIssue[]): PlaybookIssue[] {
  const seen = new Set<string>();
  const issues: PlaybookIssue[] = [];
  input.forEach((rule, index) => {
    const id = (rule as { id?: unknown } | null)?.id;
    if (typeof id !== "string") return;
    const message = `Two rules share the id "${id}"`;
    if (seen.has(id) && !known.some((issue) => issue.ruleIndex === index && issue.message === message)) {
      issues.push({ ruleIndex: index, field: "id", conditionIndex: null, message });
    }
    seen.add(id);
  });
  return issues;
}

/** Validates an edited playbook (anything: JSON from a file, a request, the editor's draft). */
export function validatePlaybookRules(input: unknown): PlaybookCheck {
  if (!Array.isArray(input)) return { ok: false, issues: [{ ruleIndex: null, field: null, conditionIndex: null, message: "A playbook is a list of rules" }] };
  const parsed = recommendationRulesSchema.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const issues = issuesOf(parsed.error);
  return { ok: false, issues: [...issues, ...duplicateIdIssues(input, issues)] };
}

/**
 * One issue as a sentence that stands on its own: `Rule 2 ("advocates"), condition 1: A threshold must be a number`.
 * `rules` is what was checked, to name the rule by its id.
 */
export function issueSentence(issue: PlaybookIssue, rules: unknown): string {
  if (issue.ruleIndex === null) return issue.message;
  const rule = Array.isArray(rules) ? (rules[issue.ruleIndex] as { id?: unknown } | undefined) : undefined;
  const id = typeof rule?.id === "string" && rule.id !== "" ? ` ("${rule.id}")` : "";
  const where =
    issue.conditionIndex !== null ? `, condition ${issue.conditionIndex + 1}` : issue.field !== null ? `, ${FIELD_LABELS[issue.field]}` : "";
  return `Rule ${issue.ruleIndex + 1}${id}${where}: ${issue.message}`;
}

/** An edited playbook that failed validation: one sentence per problem (issueSentence). */
export class PlaybookValidationError extends Error {
  readonly errors: readonly string[];
  constructor(
    readonly issues: readonly PlaybookIssue[],
    rules: unknown,
  ) {
    const errors = issues.map((issue) => issueSentence(issue, rules));
    super(errors.length === 1 ? errors[0]! : `The playbook has ${errors.length} problems: ${errors.join("; ")}`);
    this.errors = errors;
    this.name = "PlaybookValidationError";
  }
}
