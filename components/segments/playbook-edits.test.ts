import { describe, expect, it } from "vitest";
import { parseExplorerState, serializeExplorerState } from "./explorer-url-state";
import { parsePlaybookEdits, playbookWithEdits, serializePlaybookEdits, withActionEdit } from "./playbook-edits";

describe("suggested-action edits", () => {
  it("sets an action as typed (trimmed), replaces it, and drops it when cleared", () => {
    const edits = Object.freeze({ Dormant: "Call them" });
    expect(withActionEdit(edits, "Churned", "  Win-back mail  ")).toEqual({ Dormant: "Call them", Churned: "Win-back mail" });
    expect(withActionEdit(edits, "Dormant", "Text them")).toEqual({ Dormant: "Text them" });
    expect(withActionEdit(edits, "Dormant", "   ")).toEqual({});
    expect(withActionEdit(edits, "Dormant", "x".repeat(250)).Dormant).toHaveLength(200);
  });

  it("saves the shown version's playbook with the edits over it; null when there is nothing of its own", () => {
    expect(playbookWithEdits({ Lost: "Leave them", Dormant: "Mail" }, { Dormant: "Call them" })).toEqual({ Lost: "Leave them", Dormant: "Call them" });
    expect(playbookWithEdits(null, { Dormant: "Call them" })).toEqual({ Dormant: "Call them" });
    expect(playbookWithEdits({ Lost: "Leave them" }, {})).toEqual({ Lost: "Leave them" });
    expect(playbookWithEdits(null, {})).toBeNull();
  });

  it("round-trips through the URL; an unreadable or invalid parameter is no edit", () => {
    expect(parsePlaybookEdits(serializePlaybookEdits({ "One-and-done": "Remind & help" }))).toEqual({ "One-and-done": "Remind & help" });
    expect(serializePlaybookEdits({})).toBeNull();
    expect(parsePlaybookEdits("{not json")).toEqual({});
    expect(parsePlaybookEdits('{"Dormant":""}')).toEqual({});
    expect(parsePlaybookEdits('["Dormant"]')).toEqual({});
  });

  it("lives in the explorer state: not a threshold, kept in links, cleared with the edits", () => {
    const query = `def=Default&v=2&rules.Dormant.recencyDays=20&playbook=${encodeURIComponent('{"Dormant":"Call them"}')}`;
    const state = parseExplorerState(new URLSearchParams(query));
    expect(state.playbook).toEqual({ Dormant: "Call them" });
    expect(state.overrides).toEqual({ "rules.Dormant.recencyDays": "20" });
    expect(serializeExplorerState(state).toString()).toBe(new URLSearchParams(query).toString());
    expect(serializeExplorerState({ ...state, playbook: {} }).toString()).toBe("def=Default&v=2&rules.Dormant.recencyDays=20");
  });
});
