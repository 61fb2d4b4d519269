// The one raw query of the usage pages. Charts need sums per (local day, model); grouping the
// hourly rollup by (hour, model) through Prisma would ship ~20,000 rows per 90 days to JS for a busy
// account, most of the answer's time. Bucketing in the database returns ~1,000. The bucket of an
// hour is found by a binary search written as nested CASE expressions: standard SQL that SQLite
// and PostgreSQL both run, ~7 comparisons a row for 90 buckets. Plain module (no DB import) so
// the SQL can be unit-tested against an in-memory SQLite.
import { Prisma } from "@/generated/prisma/client";
import type { RollupSum } from "./aggregate";

export interface RollupFilter {
  userId?: string;
  keyId?: string;
  model?: string;
  endpoint?: string;
  from: Date;
  to: Date;
}

/** `bucket` i for an hour in [boundaries[i], boundaries[i + 1]); the caller keeps hours inside the range. */
export function bucketCase(boundaries: readonly number[]): Prisma.Sql {
  const tree = (lo: number, hi: number): Prisma.Sql => {
    // Integer literals, not parameters: PostgreSQL cannot type a parameter that is only a CASE result.
    if (hi - lo <= 1) return Prisma.raw(String(lo));
    const mid = (lo + hi) >> 1;
    return Prisma.sql`CASE WHEN "hour" < ${new Date(boundaries[mid]!)} THEN ${tree(lo, mid)} ELSE ${tree(mid, hi)} END`;
  };
  return tree(0, boundaries.length - 1);
}

export function rollupConditions(f: RollupFilter): Prisma.Sql {
  const conditions = [
    ...(f.userId ? [Prisma.sql`"userId" = ${f.userId}`] : []),
    Prisma.sql`"hour" >= ${f.from}`,
    Prisma.sql`"hour" < ${f.to}`,
    ...(f.keyId ? [Prisma.sql`"keyId" = ${f.keyId}`] : []),
    ...(f.model ? [Prisma.sql`"model" = ${f.model}`] : []),
    ...(f.endpoint ? [Prisma.sql`"endpoint" = ${f.endpoint}`] : []),
  ];
  return Prisma.join(conditions, " AND ");
}

export function bucketModelQuery(f: RollupFilter, boundaries: readonly number[]): Prisma.Sql {
  return Prisma.sql`SELECT ${bucketCase(boundaries)} AS "bucket", "model",
    SUM("requests") AS "requests", SUM("errors") AS "errors",
    SUM("promptTokens") AS "promptTokens", SUM("completionTokens") AS "completionTokens",
    SUM("cost") AS "cost", SUM("latencyMsSum") AS "latencyMsSum"
    FROM "UsageRollup" WHERE ${rollupConditions(f)}
    GROUP BY "bucket", "model"`;
}

export interface BucketModelGroup {
  bucket: number;
  model: string;
  _sum: RollupSum;
}

/**
 * Raw aggregates arrive as number or bigint (SQLite) or as a numeric string or Decimal
 * (PostgreSQL's SUM of bigint); every one of them prints as an integer, so via string is exact.
 */
function integer(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(Math.trunc(value));
  if (value === null || value === undefined) return 0n;
  return BigInt(String(value).split(".")[0]!);
}

export function toBucketGroups(rows: readonly Record<string, unknown>[]): BucketModelGroup[] {
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    model: String(r.model),
    _sum: {
      requests: Number(integer(r.requests)),
      errors: Number(integer(r.errors)),
      promptTokens: integer(r.promptTokens),
      completionTokens: integer(r.completionTokens),
      cost: integer(r.cost),
      latencyMsSum: integer(r.latencyMsSum),
    },
  }));
}
