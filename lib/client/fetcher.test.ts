import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError, apiFetch, errorFromResponse, parseRetryAfter } from "./fetcher";
import { nextStepFor } from "./error-hints";

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: string, headers: Record<string, string> = {}) {
  const fn = vi.fn(async (_input: string, _init?: RequestInit) => new Response(body, { status, headers }));
  vi.stubGlobal("fetch", fn);
  return fn;
}

describe("apiFetch", () => {
  it("sends JSON and returns the parsed body", async () => {
    const fn = stubFetch(201, JSON.stringify({ id: "k1" }), { "content-type": "application/json" });
    await expect(apiFetch<{ id: string }>("/api/keys", { method: "POST", body: { name: "ci" } })).resolves.toEqual({ id: "k1" });
    const init = fn.mock.calls[0]![1] as RequestInit;
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(init.body).toBe('{"name":"ci"}');
  });

  it("rebuilds the Apertis envelope into a typed error", async () => {
    stubFetch(
      429,
      JSON.stringify({ error: { message: "Too many attempts from your network. Try again in 3 minutes.", type: "rate_limit_error", code: "rate_limit_exceeded", param: null } }),
      { "retry-after": "170" },
    );
    const err = (await apiFetch("/api/signup").catch((e: unknown) => e)) as ApiClientError;
    expect(err).toBeInstanceOf(ApiClientError);
    expect(err).toMatchObject({ status: 429, code: "rate_limit_exceeded", retryAfter: 170, param: null });
    expect(err.message).toBe("Too many attempts from your network. Try again in 3 minutes.");
    expect(nextStepFor(err)).toBe("Wait 3 minutes, then try again.");
  });

  it("never resolves on an error status, even without an envelope", async () => {
    stubFetch(502, "<html>Bad gateway</html>");
    await expect(apiFetch("/api/usage")).rejects.toMatchObject({ status: 502, code: "internal_error" });
  });

  it("turns a network failure into status 0", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(apiFetch("/api/keys")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});

describe("errorFromResponse / parseRetryAfter", () => {
  it("keeps the param of a validation error", () => {
    const err = errorFromResponse(400, new Headers(), {
      error: { message: "Password must be at least 8 characters.", type: "invalid_request_error", code: "invalid_parameter", param: "password" },
    });
    expect(err.param).toBe("password");
    expect(nextStepFor(err)).toBe("Fix the password field and send again.");
  });

  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
