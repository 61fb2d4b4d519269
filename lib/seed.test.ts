// Seeds a real SQLite database twice and compares: the seed runs on every start and must be
// idempotent, and must keep an admin's edits to prices.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "apx-seed-"));

beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: "", ADMIN_EMAIL: "", ADMIN_PASSWORD: "", LOG_LEVEL: "silent" });
  const r = spawnSync(process.execPath, ["scripts/db.mjs", "deploy"], { env: process.env, stdio: "ignore" });
  expect(r.status).toBe(0);
}, 60_000);

describe("seed", () => {
  it("creates plans, at least 25 priced models and one admin once; a second run changes nothing", async () => {
    const { seed } = await import("./seed");
    const { db, prepareDatabase } = await import("./db");
    await prepareDatabase();
    const first = await seed();
    expect(first.plansCreated).toBe(5);
    expect(first.pricesCreated).toBeGreaterThanOrEqual(25);
    expect(first.generatedAdmin?.password.length).toBeGreaterThan(8);
    const snapshot = async () => ({
      plans: await db.plan.findMany({ orderBy: { slug: "asc" }, select: { slug: true, priceMonthly: true, cycleQuota: true } }),
      prices: await db.modelPrice.findMany({ orderBy: { model: "asc" }, select: { model: true, modality: true, inputPrice: true, outputPrice: true } }),
      users: await db.user.findMany({ select: { email: true, role: true } }),
    });
    const before = await snapshot();
    expect(before.plans.map((p) => p.slug)).toEqual(["free", "lite", "max", "plus", "pro"]);
    expect(before.plans.find((p) => p.slug === "lite")).toMatchObject({ priceMonthly: 12_000_000n, cycleQuota: 600_000n });
    expect(new Set(before.prices.map((p) => p.modality))).toEqual(new Set(["chat", "image", "tts", "stt", "embedding"]));
    expect(before.prices.find((p) => p.model === "gpt-4o")).toMatchObject({ inputPrice: 2_500_000n, outputPrice: 10_000_000n });

    await db.modelPrice.update({ where: { model: "gpt-4o" }, data: { inputPrice: 1n } }); // an admin's edit
    const second = await seed();
    expect(second).toEqual({ plansCreated: 0, pricesCreated: 0 });
    const after = await snapshot();
    expect(after.plans).toEqual(before.plans);
    expect(after.users).toEqual(before.users);
    expect(after.prices.find((p) => p.model === "gpt-4o")?.inputPrice).toBe(1n);
  }, 30_000);
});
