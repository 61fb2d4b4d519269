import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { attemptWindow, consumeAttempt, isLimiterResult, tooManyAttempts } from "./attempts";

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

  it("let exactly the window's attempts through when they arrive together", async () => {
    const window = attemptWindow("attempts-parallel", 3, 60);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeAttempt(window, "u1", "Slow down.")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(refused).toHaveLength(7);
    for (const err of refused) expect(err).toBeInstanceOf(ApiError);
    expect((refused[0] as ApiError).status).toBe(429);
  });

  it("are one per process: asking again returns the same window", () => {
    expect(attemptWindow("attempts-test", 2, 600)).toBe(attemptWindow("attempts-test", 5, 60));
  });

  it("tell a spent window from a thrown error", () => {
    expect(isLimiterResult(new Error("boom"))).toBe(false);
    expect(isLimiterResult(null)).toBe(false);
  });
});
