import type { SaveDefinitionRequest } from "../segments/segment-definitions.types";

/**
 * The saved definition the snapshot tests use: behavior rules on recency only,
 * so each user's segment at a date follows from their last event before it.
 * Active = recency < 14 days, Lapsing = recency < 45 days, else Lost.
 */
export function snapshotDefinitionFixture(): SaveDefinitionRequest {
  return {
    modelId: "behavior-rules",
    name: "Recency",
    definition: {
      rules: [
        { name: "Active", match: "all", conditions: [{ feature: "recencyDays", operator: "<", value: 14 }] },
        { name: "Lapsing", match: "all", conditions: [{ feature: "recencyDays", operator: "<", value: 45 }] },
      ],
      fallback: "Lost",
    },
    createdBy: "test",
  };
}
