import { describe, expect, it } from "vitest";
import type { PublicKey } from "@/lib/keys";
import { emptyKeyForm, fieldOfParam, liveErrors, toLocalInput, toPayload, valuesFromKey } from "./key-form";

const now = Date.parse("2026-03-10T12:00:00Z");

describe("toPayload", () => {
  it("turns a filled form into the create body", () => {
    const { payload, errors } = toPayload(
      { ...emptyKeyForm, name: "  ci  ", expiry: "1d", quota: "$5", budget: "1,000", resetDay: "15", models: ["gpt-4o-mini"], ips: "10.0.0.1,\n192.168.1.0/24", rpm: "60" },
      now,
    );
    expect(errors).toEqual({});
    expect(payload).toEqual({
      name: "ci",
      expiresAt: "2026-03-11T12:00:00.000Z",
      quotaUsd: 5,
      monthlyBudgetUsd: 1000,
      budgetResetDay: 15,
      allowedModels: ["gpt-4o-mini"],
      allowedIps: ["10.0.0.1", "192.168.1.0/24"],
      rpmLimit: 60,
      tpmLimit: null,
    });
  });

  it("sends unlimited, never and no override as null", () => {
    const { payload } = toPayload({ ...emptyKeyForm, name: "x" }, now);
    expect(payload).toMatchObject({ expiresAt: null, quotaUsd: null, monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, allowedIps: [] });
  });

  it("names every field that is wrong", () => {
    const { payload, errors } = toPayload(
      { ...emptyKeyForm, name: " ", expiry: "custom", customExpiry: toLocalInput(new Date(now - 60_000)), quota: "-1", budget: "lots", ips: "10.0.0.0/33, abc", rpm: "1.5", tpm: "0" },
      now,
    );
    expect(payload).toBeNull();
    expect(errors).toEqual({
      name: expect.stringContaining("name") as string,
      expiresAt: "Expiry must be in the future.",
      quotaUsd: "Quota cannot be negative.",
      monthlyBudgetUsd: "Monthly budget must be a number of US dollars, like 5 or 12.50.",
      allowedIps: "These are not IP addresses or CIDR blocks: 10.0.0.0/33, abc.",
      rpmLimit: "Requests per minute must be a whole number of at least 1.",
      tpmLimit: "Tokens per minute must be a whole number of at least 1.",
    });
  });

  it("takes a custom expiry in the browser's local time", () => {
    const local = toLocalInput(new Date(now + 2 * 86_400_000));
    expect(toPayload({ ...emptyKeyForm, name: "x", expiry: "custom", customExpiry: local }, now).payload?.expiresAt).toBe(new Date(now + 2 * 86_400_000).toISOString());
  });

  it("leaves the expiry alone when editing with 'keep'", () => {
    const key = { name: "ci", expiresAt: "2027-01-01T00:00:00.000Z", quotaUsd: 5, monthlyBudgetUsd: null, budgetResetDay: 3, allowedModels: ["gpt-4o"], allowedIps: ["10.0.0.1"], rpmLimit: null, tpmLimit: 1000 } as PublicKey;
    const values = valuesFromKey(key);
    expect(values).toMatchObject({ expiry: "keep", quota: "5", budget: "", resetDay: "3", ips: "10.0.0.1", tpm: "1000" });
    const { payload } = toPayload(values, now);
    expect(payload).not.toHaveProperty("expiresAt");
    expect(payload).toMatchObject({ quotaUsd: 5, tpmLimit: 1000, allowedModels: ["gpt-4o"] });
  });
});

describe("liveErrors / fieldOfParam", () => {
  it("flags a bad CIDR while typing, before any submit", () => {
    expect(liveErrors({ ...emptyKeyForm, ips: "10.0.0.0/33" })).toEqual({ allowedIps: "10.0.0.0/33 is not an IP address or CIDR block." });
    expect(liveErrors({ ...emptyKeyForm, ips: "10.0.0.0/8" })).toEqual({});
  });

  it("maps the server's error.param to a field", () => {
    expect(fieldOfParam("allowedIps.1")).toBe("allowedIps");
    expect(fieldOfParam("rpmLimit")).toBe("rpmLimit");
    expect(fieldOfParam("status")).toBeNull();
    expect(fieldOfParam(null)).toBeNull();
  });
});
