import { describe, expect, it } from "vitest";
import { errorDetail, errorFromFetch, errorLinks } from "./errors";

describe("errorFromFetch", () => {
  it("rebuilds the envelope with Retry-After", async () => {
    const res = new Response(JSON.stringify({ error: { message: "Rate limit of 3 requests per minute reached. Retry in 20 s.", type: "rate_limit_error", code: "rate_limit_exceeded", param: null } }), {
      status: 429,
      headers: { "retry-after": "20" },
    });
    const err = await errorFromFetch(res);
    expect(err).toMatchObject({ status: 429, code: "rate_limit_exceeded", retryAfter: 20 });
    expect(errorDetail(err, {})).toBe("The rate limit resets in 20 seconds.");
  });
});

describe("errorLinks / errorDetail", () => {
  it("sends quota and balance problems to billing", () => {
    expect(errorLinks({ status: 402, code: "insufficient_balance" })).toEqual([{ href: "/billing", label: "Open Billing" }]);
    expect(errorLinks({ status: 402, code: "quota_exceeded" }).map((l) => l.href)).toEqual(["/billing", "/keys"]);
  });

  it("names the key setting that refuses a model", () => {
    expect(errorLinks({ status: 403, code: "model_access_denied" })).toEqual([{ href: "/keys", label: "Edit the key's allowed models" }]);
    expect(errorDetail({ code: "model_access_denied" }, { model: "gpt-4o", keyName: "ci" })).toMatch(/“ci” has an allowed-models list without gpt-4o/);
  });
});
