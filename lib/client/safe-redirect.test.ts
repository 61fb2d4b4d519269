import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a relative path with its query and hash", () => {
    expect(safeCallbackPath("/usage?range=7d#top")).toBe("/usage?range=7d#top");
  });

  it("keeps only the path of an absolute http(s) URL, as Auth.js sends it", () => {
    expect(safeCallbackPath("http://127.0.0.1:3311/usage")).toBe("/usage");
    expect(safeCallbackPath("https://evil.example/keys")).toBe("/keys");
  });

  it.each([
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["data:text/html,hi"],
    ["usage"],
    ["/..//evil.example"],
    ["/usage\n"],
    [""],
  ])("falls back for %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/dashboard");
  });

  it("does not return to the auth pages or the API", () => {
    expect(safeCallbackPath("/sign-in?callbackUrl=/x")).toBe("/dashboard");
    expect(safeCallbackPath("/./sign-up")).toBe("/dashboard");
    expect(safeCallbackPath("/api/auth/signout")).toBe("/dashboard");
  });

  it("takes the first of repeated parameters and honours a custom fallback", () => {
    expect(safeCallbackPath(["/logs", "/keys"])).toBe("/logs");
    expect(safeCallbackPath(undefined, "/")).toBe("/");
  });
});
