import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, resolveEnv } from "./env";

describe("env", () => {
  it("works with no environment at all, generating and keeping secrets in DATA_DIR", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "apx-env-"));
    const first = resolveEnv({ DATA_DIR: dir });
    expect(first.PORT).toBe(3000);
    expect(first.DATABASE_URL).toBe(`file:${path.join(dir, "console.db")}`);
    expect(first.databaseProvider).toBe("sqlite");
    expect(first.simulated).toBe(true);
    expect(first.APERTIS_BASE_URL).toBe("http://127.0.0.1:4010/v1");
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    const again = resolveEnv({ DATA_DIR: dir });
    expect(again.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(again.KEY_PEPPER).toBe(first.KEY_PEPPER);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8")).KEY_PEPPER).toBe(first.KEY_PEPPER);
  });

  it("uses Apertis when a key is set, and PostgreSQL for a postgresql:// URL", () => {
    const e = resolveEnv({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "apx-env-")), APERTIS_API_KEY: "sk-x", DATABASE_URL: "postgresql://u@h/db" });
    expect(e.simulated).toBe(false);
    expect(e.APERTIS_BASE_URL).toBe("https://api.apertis.ai/v1");
    expect(e.databaseProvider).toBe("postgresql");
  });

  it("stops on a bad value with one line naming the variable", () => {
    const bad = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return "";
      } catch (err) {
        expect(err).toBeInstanceOf(EnvError);
        return (err as Error).message;
      }
    };
    expect(bad({ PORT: "70000" })).toMatch(/^Invalid configuration: PORT .*\(got "70000"\)$/);
    expect(bad({ DATABASE_URL: "mysql://x" })).toContain("DATABASE_URL must start with file: or postgresql://");
    expect(bad({ REDIS_URL: "localhost:6379" })).toContain("REDIS_URL");
    expect(bad({ ADMIN_EMAIL: "not-an-email" })).toContain("ADMIN_EMAIL");
    expect(bad({ LOG_LEVEL: "loud" })).toContain("LOG_LEVEL");
    expect(bad({ PORT: "3001" })).toBe("");
    expect(bad({}).includes("\n")).toBe(false);
  });
});
