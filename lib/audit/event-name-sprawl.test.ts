import { describe, expect, it } from "vitest";
import { eventNameSprawl, nameKey, withinOneEdit } from "./event-name-sprawl";

describe("eventNameSprawl", () => {
  it("groups names equal after normalising case, spaces, underscores and hyphens", () => {
    expect(nameKey("Sign-Up Completed")).toBe("signupcompleted");
    expect(eventNameSprawl(["Sign Up", "signup", "sign_up", "login", "Log-In"])).toEqual([
      ["Log-In", "login"],
      ["Sign Up", "sign_up", "signup"],
    ]);
  });

  it("groups one-edit typos of long names, not short names or numbered series", () => {
    // "purchase" / "purchse": one deletion, 7+ characters.
    expect(eventNameSprawl(["purchase", "purchse", "view", "vie", "step_1", "step_2", "onboarding_started", "onboarding_completed"])).toEqual([
      ["purchase", "purchse"],
    ]);
  });

  it("knows one edit from two", () => {
    expect(withinOneEdit("abcdef", "abxdef")).toBe(true);
    expect(withinOneEdit("abcdef", "abdef")).toBe(true);
    expect(withinOneEdit("abcdef", "badcef")).toBe(false);
  });
});
