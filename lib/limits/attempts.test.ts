import { describe, expect, it } from "vitest";
import { attemptWindow, isLimiterResult, tooManyAttempts } from "./attempts";

describe("attempt windows", () => {
  it("refuse past the limit with a 429 in the Apertis envelope that says when to retry", async () => {
    const window = attemptWindow("attempts-test", 2, 10 * 60);
    await window.consume("u1");
    await window.consume("u1");
    const refused: unknown = await window.consume("u1").catch((res: unknown) => res);
    expect(isLimiterResult(refused)).toBe(true);
    if (!isLimiterResult(refused)) return;
    const err = tooManyAttempts(refused, "Too many failed redemption attempts.");
    expect(err.status).toBe(429);
    expect(err.toBody().error).toMatchObject({ code: "rate_limit_exceeded", type: "rate_limit_error", message: "Too many failed redemption attempts. Try again in 10 minutes." });
    expect(Number(err.headers["Retry-After"])).toBeGreaterThan(590);
    await expect(window.consume("u2")).resolves.toBeTruthy();
  });

  it("are one per process: asking again returns the same window", () => {
    expect(attemptWindow("attempts-test", 2, 600)).toBe(attemptWindow("attempts-test", 5, 60));
  });

  it("tell a spent window from a thrown error", () => {
    expect(isLimiterResult(new Error("boom"))).toBe(false);
    expect(isLimiterResult(null)).toBe(false);
  });
});
