// The bucketing SQL, run for real against an in-memory SQLite with the rollup's column types.
import { createClient, type InValue } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketKey, resolveRange } from "./time";
import { bucketModelQuery, toBucketGroups } from "./bucket-sql";

const sqlite = createClient({ url: ":memory:" });
/** How the Prisma SQLite adapter stores a DateTime. */
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");

beforeAll(async () => {
  await sqlite.execute(`CREATE TABLE "UsageRollup" ("hour" DATETIME, "userId" TEXT, "keyId" TEXT, "model" TEXT, "endpoint" TEXT,
    "requests" INTEGER, "errors" INTEGER, "promptTokens" BIGINT, "completionTokens" BIGINT, "cost" BIGINT, "latencyMsSum" BIGINT)`);
});
afterAll(() => sqlite.close());

async function bucketsOf(hours: Array<[string, string]>, tz: string, now: string, extra: { model?: string } = {}) {
  await sqlite.execute(`DELETE FROM "UsageRollup"`);
  for (const [hour, model] of hours) {
    await sqlite.execute({
      sql: `INSERT INTO "UsageRollup" VALUES (?, 'u1', 'k1', ?, '/chat/completions', 2, 1, 10, 5, 1000, 300)`,
      args: [stored(new Date(hour)), model],
    });
  }
  const range = resolveRange({ range: "7d", tz, now: Date.parse(now) });
  const query = bucketModelQuery({ userId: "u1", from: range.from, to: range.to, ...extra }, range.boundaries);
  const args = query.values.map((v) => (v instanceof Date ? stored(v) : (v as InValue)));
  const result = await sqlite.execute({ sql: query.sql, args });
  const groups = toBucketGroups(result.rows as unknown as Record<string, unknown>[]);
  return groups
    .map((g) => ({ day: bucketKey(tz, range.bucket, range.boundaries[g.bucket]!), model: g.model, requests: g._sum.requests, cost: g._sum.cost }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.model.localeCompare(b.model));
}

describe("bucketing rollup hours into the viewer's local days, in SQL", () => {
  it("puts each hour in the local day it starts in (Los Angeles, UTC-7)", async () => {
    const rows = await bucketsOf(
      [
        ["2026-05-10T06:00:00Z", "a"], // 23:00 on May 9 in Los Angeles
        ["2026-05-10T07:00:00Z", "a"], // 00:00 on May 10
        ["2026-05-10T08:00:00Z", "a"],
        ["2026-05-10T08:00:00Z", "b"],
      ],
      "America/Los_Angeles",
      "2026-05-10T20:00:00Z",
    );
    expect(rows).toEqual([
      { day: "2026-05-09", model: "a", requests: 2, cost: 1000n },
      { day: "2026-05-10", model: "a", requests: 4, cost: 2000n },
      { day: "2026-05-10", model: "b", requests: 2, cost: 1000n },
    ]);
  });

  it("splits half-hour zones at the hour that starts the local day (Kolkata, UTC+5:30)", async () => {
    const rows = await bucketsOf(
      [
        ["2026-05-09T18:00:00Z", "a"], // 23:30 on May 9
        ["2026-05-09T19:00:00Z", "a"], // 00:30 on May 10
      ],
      "Asia/Kolkata",
      "2026-05-10T12:00:00Z",
    );
    expect(rows.map((r) => r.day)).toEqual(["2026-05-09", "2026-05-10"]);
  });

  it("follows a DST change: the 23-hour day keeps its own hours (Paris, March 29)", async () => {
    const rows = await bucketsOf(
      [
        ["2026-03-28T22:00:00Z", "a"], // 23:00 CET on March 28
        ["2026-03-28T23:00:00Z", "a"], // 00:00 CET on March 29
        ["2026-03-29T21:00:00Z", "a"], // 23:00 CEST on March 29
        ["2026-03-29T22:00:00Z", "a"], // 00:00 CEST on March 30
      ],
      "Europe/Paris",
      "2026-03-31T12:00:00Z",
    );
    expect(rows.map((r) => [r.day, r.requests])).toEqual([
      ["2026-03-28", 2],
      ["2026-03-29", 4],
      ["2026-03-30", 2],
    ]);
  });

  it("leaves out hours outside the range and applies filters", async () => {
    const rows = await bucketsOf(
      [
        ["2026-05-03T23:00:00Z", "a"], // the day before a 7-day range in UTC
        ["2026-05-04T00:00:00Z", "a"],
        ["2026-05-04T00:00:00Z", "b"],
        ["2026-05-11T00:00:00Z", "a"], // tomorrow
      ],
      "UTC",
      "2026-05-10T12:00:00Z",
      { model: "a" },
    );
    expect(rows).toEqual([{ day: "2026-05-04", model: "a", requests: 2, cost: 1000n }]);
  });
});
