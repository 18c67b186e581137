import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "../db/testing";
import { loadDailyAndRareReportDataset } from "../report/report-fixture";
import { buildReport } from "../report/build-report";
import { renderHtml } from "../report/render-html";
import { renderMarkdown } from "../report/render-markdown";
import { setRuleEnabled, updateCondition, updateRule } from "./playbook-edits";
import { PlaybookValidationError } from "./playbook-validation";
import { getPlaybook, getPlaybookVersion, playbookInForce, RESET_CHANGE, savePlaybook } from "./recommendation-playbook";
import { DEFAULT_RECOMMENDATION_RULES } from "./recommendation-rules";

/**
 * 100 users first seen 100 days ago (as build-report.db.test.ts):
 *   Daily (frequency ≥ 10): 40 users active 30 of the last 30 days → 30 × 7 / 30 = 7 active days a week; none converted
 *   Rare: 60 users, 30 of them converted (50%)
 * Everyone converts 30 / 100 = 30%, so Daily's conversion lift is 0 / 0.3 = 0.
 * Built-in "upsell-engaged-non-payers" (active days a week ≥ 2 and conversion lift ≤ 0.5) fires for Daily only:
 * Rare is active 0 days a week (no active days in the fixture) and its lift is 0.5 / 0.3 = 1.67.
 */
const UPSELL = "upsell-engaged-non-payers";
const UPSELL_INDEX = DEFAULT_RECOMMENDATION_RULES.findIndex((rule) => rule.id === UPSELL);
const NOW = new Date("2026-07-01T09:30:00Z");

describe.each(testEngines())("recommendation playbook ($name)", (engine) => {
  let database: TestDatabase;
  const DATASET = "playbook-test";

  beforeAll(async () => {
    database = await engine.open();
    await loadDailyAndRareReportDataset(database.db, DATASET, { dailyName: "Daily" });
  });
  afterAll(() => database.close());

  const findings = async () => (await buildReport(database.db, DATASET, { now: NOW })).recommendations.map((r) => [r.ruleId, r.segment, r.finding]);

  it("uses the built-in rules (v0) until a playbook is saved", async () => {
    const playbook = await getPlaybook(database.db, DATASET);
    expect(playbook.inForce).toMatchObject({ version: 0, builtIn: true, savedAt: null });
    expect(playbook.inForce.rules).toEqual(DEFAULT_RECOMMENDATION_RULES);
    expect(playbook.versions).toEqual([]);
    const report = await buildReport(database.db, DATASET, { now: NOW });
    expect(report.playbook).toEqual({ version: 0, builtIn: true, note: null, savedAt: null });
    expect(report.recommendations.map((r) => [r.ruleId, r.segment, r.finding, r.evidence])).toEqual([
      [UPSELL, "Daily", "Daily uses the product 7 days a week, yet only 0% converted (everyone: 30%)", ["activeDaysPerWeek 7 ≥ 2", "conversionLift 0× ≤ 0.5×"]],
    ]);
  });

  it("a raised threshold stops the rule firing, in the next report (the cached one is not reused)", async () => {
    // 7 active days a week is not ≥ 8.
    const raised = updateCondition(DEFAULT_RECOMMENDATION_RULES, UPSELL_INDEX, 0, { value: 8 });
    const saved = await savePlaybook(database.db, DATASET, { rules: raised, note: "Only daily-plus users" });
    expect(saved).toMatchObject({ version: 1, builtIn: false, note: "Only daily-plus users", changes: ["First saved version", `Changed ${UPSELL}`] });
    expect(await findings()).toEqual([]);

    const report = await buildReport(database.db, DATASET, { now: NOW });
    expect(report.playbook).toMatchObject({ version: 1, builtIn: false, note: "Only daily-plus users" });
    expect(renderMarkdown(report)).toMatch(/Rules from playbook v1 \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC: "Only daily-plus users"\)\./);
    expect(renderHtml(report)).toContain("Rules from playbook v1 (saved ");
  });

  it("an edited threshold and message fire again and cite the numbers", async () => {
    // 7 ≥ 7 holds; conversion 0% vs 30% as before.
    let rules = updateCondition(DEFAULT_RECOMMENDATION_RULES, UPSELL_INDEX, 0, { value: 7 });
    rules = updateRule(rules, UPSELL_INDEX, { message: "{segment}: {activeDaysPerWeek} days a week, {conversionRate} paid, {users} users", minUsers: 40 });
    const saved = await savePlaybook(database.db, DATASET, { rules });
    expect(saved).toMatchObject({ version: 2, note: null, changes: [`Changed ${UPSELL}`] });
    expect(await findings()).toEqual([[UPSELL, "Daily", "Daily: 7 days a week, 0% paid, 40 users"]]);

    // minUsers 41: Daily's 40 users are too few.
    await savePlaybook(database.db, DATASET, { rules: updateRule(rules, UPSELL_INDEX, { minUsers: 41 }) });
    expect(await findings()).toEqual([]);
  });

  it("a disabled rule stays in the playbook but does not fire", async () => {
    const disabled = setRuleEnabled(DEFAULT_RECOMMENDATION_RULES, UPSELL_INDEX, false);
    const saved = await savePlaybook(database.db, DATASET, { rules: disabled });
    // Against v3 the rule also got its built-in message, threshold and minimum back.
    expect(saved.changes).toEqual([`Disabled ${UPSELL}`, `Changed ${UPSELL}`]);
    expect(saved.rules[UPSELL_INDEX]).toMatchObject({ id: UPSELL, enabled: false });
    expect(await findings()).toEqual([]);
  });

  it("refuses an invalid playbook with one sentence per problem, and saves nothing", async () => {
    const broken = [
      { ...DEFAULT_RECOMMENDATION_RULES[0]!, message: "{segment} has {happiness}" },
      { ...DEFAULT_RECOMMENDATION_RULES[0]!, when: [{ stat: "share", op: ">=", value: Number.NaN }] },
    ];
    const error = await savePlaybook(database.db, DATASET, { rules: broken }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlaybookValidationError);
    expect((error as PlaybookValidationError).errors).toEqual([
      `Rule 1 ("${UPSELL}"), message: Rule "${UPSELL}": unknown placeholder {happiness}`,
      `Rule 2 ("${UPSELL}"), condition 1: A threshold must be a number`,
      `Rule 2 ("${UPSELL}"), id: Two rules share the id "${UPSELL}"`,
    ]);
    expect((await playbookInForce(database.db, DATASET)).version).toBe(4);
  });

  it("refuses to save a playbook equal to the one in force", async () => {
    const current = await playbookInForce(database.db, DATASET);
    await expect(savePlaybook(database.db, DATASET, { rules: current.rules })).rejects.toThrow("Nothing changed since playbook version 4: no new version was saved.");
  });

  it("reset saves the built-in rules as a new version, and the history keeps every version", async () => {
    const reset = await savePlaybook(database.db, DATASET, { reset: true, note: "Back to defaults" });
    expect(reset).toMatchObject({ version: 5, note: "Back to defaults", changes: [RESET_CHANGE] });
    expect(reset.rules).toEqual(DEFAULT_RECOMMENDATION_RULES);
    expect((await findings()).map(([ruleId]) => ruleId)).toEqual([UPSELL]);

    const playbook = await getPlaybook(database.db, DATASET);
    expect(playbook.versions.map((v) => [v.version, v.enabledCount, v.ruleCount])).toEqual([
      [5, 9, 9],
      [4, 8, 9],
      [3, 9, 9],
      [2, 9, 9],
      [1, 9, 9],
    ]);
    expect((await getPlaybookVersion(database.db, DATASET, 1)).rules[UPSELL_INDEX]!.when[0]!.value).toBe(8);
    await expect(savePlaybook(database.db, DATASET, { reset: true })).rejects.toThrow("Nothing changed since playbook version 5");
  });

  it("versions are immutable and go with their dataset", async () => {
    await expect(database.db.query(`UPDATE recommendation_playbooks SET note = 'x'`)).rejects.toThrow(/immutable/);
    await database.db.query(`DELETE FROM datasets WHERE name = $1`, [DATASET]);
    expect(await database.db.query(`SELECT id FROM recommendation_playbooks`)).toEqual([]);
  });
});
