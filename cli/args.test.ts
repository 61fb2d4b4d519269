import { describe, expect, it } from "vitest";
import { parseCommand, parseDuration, parseModels, parseUsd, UsageError } from "./args";

describe("parseDuration", () => {
  it("reads seconds, minutes, hours and days", () => {
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
  });

  it.each(["", "1", "1w", "-1d", "1.5h", "0d", "d", "99999999d", "1 d"])("rejects %j", (value) => {
    expect(() => parseDuration(value)).toThrow(UsageError);
  });

  it("names the flag and the bad value", () => {
    expect(() => parseDuration("soon")).toThrow('--expires-in must look like 30s, 90m, 1h or 30d (got "soon").');
  });
});

describe("parseUsd", () => {
  it("reads dollars with cents or micro-dollars", () => {
    expect(parseUsd("5", "--usd")).toBe(5);
    expect(parseUsd("12.50", "--usd")).toBe(12.5);
    expect(parseUsd("$0.000001", "--usd")).toBe(0.000001);
  });

  it("rejects negative, zero, non-numbers and too many decimals", () => {
    expect(() => parseUsd("-5", "--quota-usd")).toThrow("--quota-usd cannot be negative (got -5).");
    expect(() => parseUsd("0", "--usd")).toThrow(UsageError);
    expect(() => parseUsd("ten", "--usd")).toThrow(UsageError);
    expect(() => parseUsd("1e3", "--usd")).toThrow(UsageError);
    expect(() => parseUsd("0.0000001", "--usd")).toThrow(/6 decimals/);
  });
});

describe("parseModels", () => {
  it("splits, trims and de-duplicates", () => {
    expect(parseModels("gpt-5, claude-sonnet-4.5,,gpt-5")).toEqual(["gpt-5", "claude-sonnet-4.5"]);
  });

  it("rejects an empty list or odd characters", () => {
    expect(() => parseModels(" , ")).toThrow(UsageError);
    expect(() => parseModels("gpt 5")).toThrow(UsageError);
  });
});

describe("parseCommand", () => {
  it("parses key:create with every flag", () => {
    expect(
      parseCommand(["key:create", "--email", "a@b.test", "--name", "ci", "--quota-usd", "5", "--budget-usd", "20", "--models", "gpt-5,gpt-5-mini", "--expires-in", "1d"]),
    ).toEqual({
      name: "key:create",
      email: "a@b.test",
      keyName: "ci",
      quotaUsd: 5,
      budgetUsd: 20,
      models: ["gpt-5", "gpt-5-mini"],
      expiresInMs: 86_400_000,
    });
  });

  it("parses user:create with --admin and --name=value", () => {
    expect(parseCommand(["user:create", "--email", "a@b.test", "--password", "s3cret-pass", "--name=Ada Lovelace", "--admin"])).toEqual({
      name: "user:create",
      email: "a@b.test",
      password: "s3cret-pass",
      userName: "Ada Lovelace",
      admin: true,
    });
  });

  it("shows help for no command, help, --help and a command's --help", () => {
    for (const argv of [[], ["help"], ["--help"], ["-h"], ["key:create", "--help"]]) expect(parseCommand(argv)).toEqual({ name: "help" });
  });

  it("reports usage errors in one line", () => {
    expect(() => parseCommand(["key:delete"])).toThrow(/^Unknown command "key:delete"/);
    expect(() => parseCommand(["key:revoke"])).toThrow("key:revoke needs --id. See --help.");
    expect(() => parseCommand(["credit:grant", "--email", "a@b.test", "--usd", "-3"])).toThrow("--usd cannot be negative (got -3).");
    expect(() => parseCommand(["key:revoke", "--id", "k1", "--force"])).toThrow(UsageError);
    expect(() => parseCommand(["key:revoke", "--id", "k1", "--force"])).toThrow(/^key:revoke: .*--force.*See --help\.$/);
    expect(() => parseCommand(["key:revoke", "--id"])).toThrow(UsageError);
    expect(() => parseCommand(["key:revoke", "extra"])).toThrow(UsageError);
  });
});
