import { describe, expect, it } from "vitest";
import { segmentColor } from "@/components/segments/segment-colors";
import { EVERYONE_ELSE } from "../analytics/user-groups.types";
import { OVERALL_COLOR, lineColors, seriesColors } from "./series-colors";

describe("series colours", () => {
  it("keeps segments' own colours, greys out Everyone else and draws the overall line dark", () => {
    const colorOf = seriesColors(["Churned", "Power users", EVERYONE_ELSE]);
    expect([colorOf("Churned"), colorOf("Power users"), colorOf(EVERYONE_ELSE)]).toEqual(["#dc2626", "#7c3aed", "#94a3b8"]);
    const lines = [
      { name: "Everyone", overall: true },
      { name: "Churned", overall: false },
    ];
    expect(lines.map(lineColors(lines))).toEqual([OVERALL_COLOR, "#dc2626"]);
  });

  it("never gives two series of one chart the same colour", () => {
    const channels = Array.from({ length: 12 }, (_, i) => `channel_${i}`);
    expect(new Set(channels.map((name) => segmentColor(name).hex)).size).toBeLessThan(12); // hashed colours collide …
    const colorOf = seriesColors(channels);
    expect(new Set(channels.map(colorOf)).size).toBe(12); // … the chart's do not
  });
});
