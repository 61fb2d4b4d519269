import "server-only";
import { db, type Prisma } from "@/lib/db";
import {
  addInto,
  buildSeries,
  byCostDesc,
  headline,
  rollupSumFields,
  topModels,
  totalsOf,
  totalsRow,
  zeroTotals,
  type Headline,
  type BucketModelRow,
  type RollupSum,
  type SeriesPoint,
  type Totals,
  type TotalsRow,
} from "./aggregate";
import { bucketModelQuery, toBucketGroups, type BucketModelGroup } from "./bucket-sql";
import type { UsageQuery } from "./filters";
import { keyLabels, keyTitle, type KeyLabel } from "./keys";
import { resolveRange, type ResolvedRange } from "./time";

/** Series colours --chart-1..6 go to the top models, --chart-7 to the rest. */
const STACKED_MODELS = 6;

export interface RollupSummary {
  range: { from: Date; to: Date; previousFrom: Date; previousTo: Date; bucket: "hour" | "day"; tz: string };
  headline: Headline;
  totals: TotalsRow;
  series: SeriesPoint[];
  /** Stack order of `series[].costByModel`, costliest first; OTHER_MODELS last when present. */
  stack: string[];
  byModel: Array<TotalsRow & { model: string }>;
}

export interface UsageSummary extends RollupSummary {
  byKey: Array<TotalsRow & { keyId: string; name: string; display: string; kind: string; revoked: boolean }>;
}

type Filters = Partial<Pick<UsageQuery, "keyId" | "model" | "endpoint">>;

export function rollupWhere(userId: string | undefined, f: Filters, from: Date, to: Date): Prisma.UsageRollupWhereInput {
  return {
    ...(userId ? { userId } : {}),
    hour: { gte: from, lt: to },
    ...(f.keyId ? { keyId: f.keyId } : {}),
    ...(f.model ? { model: f.model } : {}),
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
  };
}

/** Headline, series and per-model table from (bucket, model) sums and the previous period's sum. */
export function summariseRollup(groups: readonly BucketModelGroup[], previous: RollupSum, range: ResolvedRange): RollupSummary {
  const rows: BucketModelRow[] = groups.map((r) => ({ bucket: r.bucket, model: r.model, sum: totalsOf(r._sum) }));
  const byModel = new Map<string, Totals>();
  const totals = zeroTotals();
  for (const r of rows) {
    let sum = byModel.get(r.model);
    if (!sum) byModel.set(r.model, (sum = zeroTotals()));
    addInto(sum, r.sum);
    addInto(totals, r.sum);
  }
  const series = buildSeries(rows, range, topModels(byModel, STACKED_MODELS));
  return {
    range: { from: range.from, to: range.to, previousFrom: range.previousFrom, previousTo: range.previousTo, bucket: range.bucket, tz: range.tz },
    headline: headline(totals, totalsOf(previous)),
    totals: totalsRow(totals),
    series,
    stack: Object.keys(series[0]?.costByModel ?? {}),
    byModel: topModels(byModel, byModel.size).map((model) => ({ model, ...totalsRow(byModel.get(model)!) })),
  };
}

export interface FilterOptions {
  keys: KeyLabel[];
  models: string[];
  endpoints: string[];
}

/**
 * Filter menu choices: every key (revoked ones labelled), and the models and endpoints used in the
 * range. Separate from the summary: it depends on the range only, so the pages cache it across
 * filter changes instead of scanning the rollup again with every summary.
 */
export async function getFilterOptions(userId: string, query: Pick<UsageQuery, "range" | "from" | "to" | "tz">, now = Date.now()): Promise<FilterOptions> {
  const range = resolveRange({ ...query, now });
  const [keys, used] = await Promise.all([keyLabels(userId), db.usageRollup.groupBy({ by: ["model", "endpoint"], where: rollupWhere(userId, {}, range.from, range.to) })]);
  return {
    keys: [...keys.values()],
    models: [...new Set(used.map((u) => u.model))].sort(),
    endpoints: [...new Set(used.map((u) => u.endpoint))].sort(),
  };
}

/** Everything the usage page shows, from the hourly rollup only (never UsageLog). */
export async function getUsageSummary(userId: string, query: UsageQuery, now = Date.now()): Promise<UsageSummary> {
  const range = resolveRange({ ...query, now });
  const where = rollupWhere(userId, query, range.from, range.to);
  const [buckets, perKey, previous, labels] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>(bucketModelQuery({ userId, ...query, from: range.from, to: range.to }, range.boundaries)),
    db.usageRollup.groupBy({ by: ["keyId"], where, _sum: rollupSumFields }),
    db.usageRollup.aggregate({ where: rollupWhere(userId, query, range.previousFrom, range.previousTo), _sum: rollupSumFields }),
    keyLabels(userId),
  ]);

  return {
    ...summariseRollup(toBucketGroups(buckets), previous._sum, range),
    byKey: perKey
      .map((k) => {
        const label = labels.get(k.keyId);
        return {
          keyId: k.keyId,
          name: label?.name ?? keyTitle(undefined, k.keyId),
          display: label?.display ?? "",
          kind: label?.kind ?? "STANDARD",
          revoked: label?.revoked ?? true,
          ...totalsRow(totalsOf(k._sum)),
        };
      })
      .sort(byCostDesc),
  };
}
