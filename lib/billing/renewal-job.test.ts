import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const { renewDueSubscriptions, logError } = vi.hoisted(() => ({ renewDueSubscriptions: vi.fn<() => Promise<number>>(), logError: vi.fn() }));
vi.mock("./subscription-actions", () => ({ renewDueSubscriptions }));
vi.mock("@/lib/log", () => ({ log: { info: vi.fn(), error: logError } }));

const { startRenewalJob } = await import("./renewal-job");

describe("startRenewalJob", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    renewDueSubscriptions.mockReset().mockResolvedValue(0);
    logError.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it("runs shortly after start, then once per interval", async () => {
    const job = startRenewalJob(60_000);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(3);
    await job.stop();
  });

  it("logs a failed run and keeps going", async () => {
    renewDueSubscriptions.mockRejectedValueOnce(new Error("database is down"));
    const job = startRenewalJob(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(logError).toHaveBeenCalledWith("subscription renewal failed", { err: expect.any(Error) });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(2);
    await job.stop();
  });

  it("never overlaps runs, and stop waits for the one in progress, then runs no more", async () => {
    let finish!: (n: number) => void;
    renewDueSubscriptions.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const job = startRenewalJob(1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish(2);
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(renewDueSubscriptions).toHaveBeenCalledTimes(1);
  });
});
