"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { OPERATOR_WORDS, STAT_OPTIONS, describeWhen } from "@/lib/recommendations/playbook-wording";
import type { PlaybookField, PlaybookIssue } from "@/lib/recommendations/playbook-validation";
import { AUDIENCES, RECOMMENDATION_CATEGORIES, type RecommendationRule, type RuleCondition } from "@/lib/recommendations/recommendation-rules";
import { STAT_NAMES, type StatName } from "@/lib/recommendations/segment-stats";
import { CATEGORY_TITLES } from "@/lib/report/report-text";
import { ThresholdInput } from "./threshold-input";

const inputClass = "rounded-md border bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";
const OPERATORS = Object.keys(OPERATOR_WORDS) as RuleCondition["op"][];

export interface RuleFiring {
  segment: string;
  users: number;
  finding: string;
}

export interface RuleCardProps {
  rule: RecommendationRule;
  index: number;
  /** This rule's validation issues (same messages the API answers with). */
  issues: readonly PlaybookIssue[];
  /** Segments it fires for on the preview segmentation; null when there is no preview or the rule is invalid. */
  firing: RuleFiring[] | null;
  previewLabel: string | null;
  onChange: (patch: Partial<RecommendationRule>) => void;
  onConditionChange: (conditionIndex: number, patch: Partial<RuleCondition>) => void;
  onAddCondition: () => void;
  onRemoveCondition: (conditionIndex: number) => void;
  onEnabledChange: (enabled: boolean) => void;
  onDelete: () => void;
  startEditing?: boolean;
}

function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-xs text-red-700" data-testid="field-error">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** One playbook rule as a readable card (when, message, action, audience, minimum users, where it fires), with an editor under it. */
export function RuleCard(props: RuleCardProps) {
  const { rule, index, issues, firing, previewLabel } = props;
  const id = useId();
  const [editing, setEditing] = useState(props.startEditing ?? false);
  const enabled = rule.enabled !== false;
  const fieldMessages = (field: PlaybookField) => issues.filter((issue) => issue.field === field && issue.conditionIndex === null).map((issue) => issue.message);
  const conditionMessages = (conditionIndex: number) => issues.filter((issue) => issue.conditionIndex === conditionIndex).map((issue) => issue.message);
  const title = rule.id || `Rule ${index + 1}`;

  return (
    <article
      data-testid={`rule-${rule.id}`}
      aria-labelledby={`${id}-title`}
      className={`rounded-lg border bg-white shadow-sm ${issues.length > 0 ? "border-red-300" : "border-slate-200"} ${enabled ? "" : "opacity-75"}`}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-100 px-5 py-3">
        <h3 id={`${id}-title`} className="font-mono text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">{CATEGORY_TITLES[rule.category] ?? rule.category}</span>
        <span className="text-xs text-slate-500">For {rule.audience.length > 0 ? rule.audience.join(", ") : "—"}</span>
        {!enabled && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Disabled</span>}
        {issues.length > 0 && (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
            {issues.length} {issues.length === 1 ? "problem" : "problems"}
          </span>
        )}
        <span className="flex-1" />
        <Switch label="On" checked={enabled} onChange={props.onEnabledChange} description={enabled ? "Disable: keep the rule but stop it firing" : "Enable the rule"} />
        <Button variant="secondary" onClick={() => setEditing((value) => !value)} aria-expanded={editing} aria-controls={`${id}-editor`}>
          {editing ? "Done" : "Edit"}
        </Button>
        <Button variant="ghost" onClick={props.onDelete} aria-label={`Delete rule ${title}`} className="text-red-700 hover:bg-red-50">
          Delete
        </Button>
      </header>
      <div className="space-y-1.5 px-5 py-3 text-sm text-slate-700">
        <p data-testid="rule-when">
          <span className="font-medium text-slate-900">{rule.when.length > 0 && rule.when.every((c) => STAT_NAMES.includes(c.stat as StatName)) ? describeWhen(rule) : "When … (no valid condition yet)"}</span>
        </p>
        <p>
          <span className="text-slate-500">Says: </span>
          <span className="font-mono text-[13px]">{rule.message}</span>
        </p>
        <p className="font-medium text-indigo-700">→ {rule.action}</p>
        <p className="text-xs text-slate-500" data-testid="rule-firing">
          {firing === null
            ? previewLabel === null
              ? "Preview unavailable."
              : "Fix the problems below to preview where this rule fires."
            : firing.length === 0
              ? `Fires for no segment of ${previewLabel}.`
              : `Fires for ${firing.map((item) => `${item.segment} (${item.users.toLocaleString("en-US")} users)`).join(", ")} of ${previewLabel}${enabled ? "" : " — once enabled"}.`}
        </p>
        {firing && firing.length > 0 && (
          <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600">
            {firing.map((item) => (
              <li key={item.segment}>{item.finding}</li>
            ))}
          </ul>
        )}
      </div>
      {editing && (
        <div id={`${id}-editor`} className="grid gap-4 border-t border-slate-100 bg-slate-50/60 px-5 py-4 md:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            <span className="font-medium">Id</span>
            <input
              value={rule.id}
              onChange={(event) => props.onChange({ id: event.target.value })}
              aria-invalid={fieldMessages("id").length > 0 || undefined}
              aria-describedby={`${id}-id-errors`}
              className={`${inputClass} font-mono ${fieldMessages("id").length > 0 ? "border-red-400" : "border-slate-300"}`}
            />
            <FieldErrors id={`${id}-id-errors`} messages={fieldMessages("id")} />
          </label>
          <div className="flex gap-4">
            <label className="flex flex-col gap-1 text-sm text-slate-700">
              <span className="font-medium">Category</span>
              <select
                value={rule.category}
                onChange={(event) => props.onChange({ category: event.target.value as RecommendationRule["category"] })}
                className={`${inputClass} border-slate-300`}
              >
                {RECOMMENDATION_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {CATEGORY_TITLES[category]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm text-slate-700">
              <span className="font-medium">Minimum users</span>
              <input
                type="number"
                min={1}
                step={1}
                value={Number.isNaN(rule.minUsers) ? "" : rule.minUsers}
                onChange={(event) => props.onChange({ minUsers: event.target.value === "" ? Number.NaN : Number(event.target.value) })}
                aria-invalid={fieldMessages("minUsers").length > 0 || undefined}
                aria-describedby={`${id}-min-errors`}
                className={`${inputClass} w-28 ${fieldMessages("minUsers").length > 0 ? "border-red-400" : "border-slate-300"}`}
              />
              <FieldErrors id={`${id}-min-errors`} messages={fieldMessages("minUsers")} />
            </label>
          </div>
          <fieldset className="md:col-span-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">When (all must hold)</legend>
            <ol className="space-y-2">
              {rule.when.map((condition, conditionIndex) => {
                const messages = conditionMessages(conditionIndex);
                return (
                  <li key={conditionIndex} className="flex flex-wrap items-center gap-2">
                    <select
                      aria-label={`Condition ${conditionIndex + 1}: statistic`}
                      value={condition.stat}
                      onChange={(event) => props.onConditionChange(conditionIndex, { stat: event.target.value as StatName })}
                      className={`${inputClass} border-slate-300`}
                    >
                      {STAT_OPTIONS.map((option) => (
                        <option key={option.stat} value={option.stat}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    <select
                      aria-label={`Condition ${conditionIndex + 1}: comparison`}
                      value={condition.op}
                      onChange={(event) => props.onConditionChange(conditionIndex, { op: event.target.value as RuleCondition["op"] })}
                      className={`${inputClass} border-slate-300`}
                    >
                      {OPERATORS.map((op) => (
                        <option key={op} value={op}>
                          {OPERATOR_WORDS[op]}
                        </option>
                      ))}
                    </select>
                    <ThresholdInput
                      stat={condition.stat}
                      value={condition.value}
                      onChange={(value) => props.onConditionChange(conditionIndex, { value })}
                      label={`Condition ${conditionIndex + 1}: threshold`}
                      invalid={messages.length > 0}
                      describedBy={`${id}-condition-${conditionIndex}-errors`}
                    />
                    <Button variant="ghost" onClick={() => props.onRemoveCondition(conditionIndex)} aria-label={`Remove condition ${conditionIndex + 1}`}>
                      Remove
                    </Button>
                    <FieldErrors id={`${id}-condition-${conditionIndex}-errors`} messages={messages} />
                  </li>
                );
              })}
            </ol>
            <FieldErrors id={`${id}-when-errors`} messages={fieldMessages("when")} />
            <Button variant="secondary" className="mt-2" onClick={props.onAddCondition}>
              Add condition
            </Button>
          </fieldset>
          <label className="flex flex-col gap-1 text-sm text-slate-700 md:col-span-2">
            <span className="font-medium">Message</span>
            <textarea
              value={rule.message}
              rows={2}
              onChange={(event) => props.onChange({ message: event.target.value })}
              aria-invalid={fieldMessages("message").length > 0 || undefined}
              aria-describedby={`${id}-message-help ${id}-message-errors`}
              className={`${inputClass} font-mono ${fieldMessages("message").length > 0 ? "border-red-400" : "border-slate-300"}`}
            />
            <span id={`${id}-message-help`} className="text-xs text-slate-500">
              Placeholders: {"{segment}"}, {"{stat}"} for the segment&apos;s number and {"{overall.stat}"} for everyone in view, with stat one of {STAT_NAMES.join(", ")}.
            </span>
            <FieldErrors id={`${id}-message-errors`} messages={fieldMessages("message")} />
          </label>
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            <span className="font-medium">Action</span>
            <input
              value={rule.action}
              onChange={(event) => props.onChange({ action: event.target.value })}
              aria-invalid={fieldMessages("action").length > 0 || undefined}
              aria-describedby={`${id}-action-errors`}
              className={`${inputClass} ${fieldMessages("action").length > 0 ? "border-red-400" : "border-slate-300"}`}
            />
            <FieldErrors id={`${id}-action-errors`} messages={fieldMessages("action")} />
          </label>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Audience</legend>
            <div className="flex flex-wrap gap-3">
              {AUDIENCES.map((audience) => (
                <label key={audience} className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={rule.audience.includes(audience)}
                    onChange={(event) =>
                      props.onChange({ audience: event.target.checked ? AUDIENCES.filter((item) => item === audience || rule.audience.includes(item)) : rule.audience.filter((item) => item !== audience) })
                    }
                  />
                  {audience}
                </label>
              ))}
            </div>
            <FieldErrors id={`${id}-audience-errors`} messages={fieldMessages("audience")} />
          </fieldset>
        </div>
      )}
    </article>
  );
}
