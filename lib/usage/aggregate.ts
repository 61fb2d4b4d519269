// Pure arithmetic over hourly rollup sums: totals, change against the previous period, local-day
// series and the "top N models + other" stack. No DB access, unit-tested.
import { bucketKey, type ResolvedRange } from "./time";

export interface Totals {
  requests: number;
  errors: number;
  promptTokens: bigint;
  completionTokens: bigint;
  cost: bigint;
  latencyMsSum: bigint;
}

/** The `_sum` of a Prisma aggregate or groupBy over UsageRollup: null when no row matched. */
export interface RollupSum {
  requests: number | null;
  errors: number | null;
  promptTokens: bigint | null;
  completionTokens: bigint | null;
  cost: bigint | null;
  latencyMsSum: bigint | null;
}

export const rollupSumFields = { requests: true, errors: true, promptTokens: true, completionTokens: true, cost: true, latencyMsSum: true } as const;

export function zeroTotals(): Totals {
  return { requests: 0, errors: 0, promptTokens: 0n, completionTokens: 0n, cost: 0n, latencyMsSum: 0n };
}

export function totalsOf(sum: RollupSum | null | undefined): Totals {
  return {
    requests: sum?.requests ?? 0,
    errors: sum?.errors ?? 0,
    promptTokens: sum?.promptTokens ?? 0n,
    completionTokens: sum?.completionTokens ?? 0n,
    cost: sum?.cost ?? 0n,
    latencyMsSum: sum?.latencyMsSum ?? 0n,
  };
}

export function addInto(target: Totals, t: Totals): Totals {
  target.requests += t.requests;
  target.errors += t.errors;
  target.promptTokens += t.promptTokens;
  target.completionTokens += t.completionTokens;
  target.cost += t.cost;
  target.latencyMsSum += t.latencyMsSum;
  return target;
}

export function avgLatencyMs(t: Totals): number {
  return t.requests ? Math.round(Number(t.latencyMsSum) / t.requests) : 0;
}

export function errorRate(t: Totals): number {
  return t.requests ? t.errors / t.requests : 0;
}

/** A table row: the sums plus the two averages people read first. */
export type TotalsRow = Totals & { avgLatencyMs: number; errorRate: number };

export function totalsRow(t: Totals): TotalsRow {
  return { ...t, avgLatencyMs: avgLatencyMs(t), errorRate: errorRate(t) };
}

export interface Metric {
  value: number;
  previous: number;
  /** (value - previous) / previous; null when there is nothing to compare with. */
  change: number | null;
}

export function metric(value: number, previous: number): Metric {
  return { value, previous, change: previous === 0 ? (value === 0 ? 0 : null) : (value - previous) / previous };
}

export interface Headline {
  requests: Metric;
  promptTokens: Metric;
  completionTokens: Metric;
  cost: Metric;
  avgLatencyMs: Metric;
  errorRate: Metric;
}

export function headline(current: Totals, previous: Totals): Headline {
  return {
    requests: metric(current.requests, previous.requests),
    promptTokens: metric(Number(current.promptTokens), Number(previous.promptTokens)),
    completionTokens: metric(Number(current.completionTokens), Number(previous.completionTokens)),
    cost: metric(Number(current.cost), Number(previous.cost)),
    avgLatencyMs: metric(avgLatencyMs(current), avgLatencyMs(previous)),
    errorRate: metric(errorRate(current), errorRate(previous)),
  };
}

/** The stack key for everything outside the top N; not a valid model id (models have no spaces). */
export const OTHER_MODELS = "Other models";

/** Costliest first; more requests break ties. */
export function byCostDesc(a: Pick<Totals, "cost" | "requests">, b: Pick<Totals, "cost" | "requests">): number {
  return b.cost > a.cost ? 1 : b.cost < a.cost ? -1 : b.requests - a.requests;
}

/** The `n` costliest models; the rest are stacked as OTHER_MODELS. */
export function topModels(byModel: ReadonlyMap<string, Totals>, n: number): string[] {
  return [...byModel.entries()]
    .sort(([a, x], [b, y]) => byCostDesc(x, y) || a.localeCompare(b))
    .slice(0, n)
    .map(([model]) => model);
}

export interface SeriesPoint extends Totals {
  /** "2026-03-29" (day) or "2026-03-29T14:00" (hour), in the viewer's zone. */
  key: string;
  start: string;
  /** Cost per stacked model (top N and OTHER_MODELS), micro-USD. */
  costByModel: Record<string, bigint>;
}

/** Sums for one model in one bucket (an index into the range's buckets). */
export interface BucketModelRow {
  bucket: number;
  model: string;
  sum: Totals;
}

/** Every bucket of the range, empty ones included, so a chart's x axis has no gaps. */
export function buildSeries(rows: readonly BucketModelRow[], range: ResolvedRange, stack: readonly string[]): SeriesPoint[] {
  const stacked = new Set(stack);
  const hasOther = rows.some((r) => !stacked.has(r.model));
  const points: SeriesPoint[] = range.boundaries.slice(0, -1).map((start) => {
    const costByModel: Record<string, bigint> = {};
    for (const m of stack) costByModel[m] = 0n;
    if (hasOther) costByModel[OTHER_MODELS] = 0n;
    return { key: bucketKey(range.tz, range.bucket, start), start: new Date(start).toISOString(), ...zeroTotals(), costByModel };
  });
  for (const row of rows) {
    const point = points[row.bucket];
    if (!point) continue;
    addInto(point, row.sum);
    const stackKey = stacked.has(row.model) ? row.model : OTHER_MODELS;
    point.costByModel[stackKey] = (point.costByModel[stackKey] ?? 0n) + row.sum.cost;
  }
  return points;
}
