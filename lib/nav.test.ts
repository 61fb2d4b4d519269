import { describe, expect, it } from "vitest";
import { isActivePath, visibleNav } from "./nav";

describe("navigation", () => {
  it("shows Admin to admins only", () => {
    const labels = (admin: boolean) => visibleNav(admin).flatMap((s) => s.items.map((i) => i.label));
    expect(labels(true)).toContain("Admin");
    expect(labels(false)).not.toContain("Admin");
    expect(visibleNav(false).map((s) => s.title)).not.toContain("Operator");
  });

  it("marks a section active on its subpages but not on look-alike paths", () => {
    expect(isActivePath("/keys", "/keys")).toBe(true);
    expect(isActivePath("/keys/abc", "/keys")).toBe(true);
    expect(isActivePath("/keysmith", "/keys")).toBe(false);
  });
});
