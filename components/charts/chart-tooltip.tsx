"use client";

import type { TooltipContentProps } from "recharts";
import type { ChartSeries, ValueFormatter } from "./chart-theme";

/** The hover card of every chart: the bucket's label, then each non-zero series with its colour. */
export function ChartTooltip({
  active,
  payload,
  label,
  series,
  formatValue,
  formatLabel,
  total,
}: Partial<TooltipContentProps<number, string>> & {
  series: ChartSeries[];
  formatValue: ValueFormatter;
  formatLabel?: (label: string) => string;
  total?: boolean;
}) {
  if (!active || !payload?.length) return null;
  const values = new Map(payload.map((p) => [String(p.dataKey), Number(p.value ?? 0)]));
  const shown = series.filter((s) => values.get(s.key));
  const sum = shown.reduce((acc, s) => acc + (values.get(s.key) ?? 0), 0);
  return (
    <div className="min-w-44 rounded-md border bg-card px-3 py-2 text-xs text-card-foreground shadow-md">
      <p className="mb-1.5 font-medium">{formatLabel ? formatLabel(String(label)) : label}</p>
      {shown.length === 0 ? <p className="text-muted-foreground">Nothing</p> : null}
      <ul className="space-y-1">
        {shown.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <span className="size-2.5 shrink-0 rounded-sm" style={{ background: s.color }} aria-hidden="true" />
            <span className="min-w-0 flex-1 truncate text-muted-foreground">{s.label}</span>
            <span className="font-medium tabular-nums">{formatValue(values.get(s.key) ?? 0)}</span>
          </li>
        ))}
      </ul>
      {total && shown.length > 1 ? (
        <p className="mt-1.5 flex justify-between border-t pt-1.5 font-medium">
          <span>Total</span>
          <span className="tabular-nums">{formatValue(sum)}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A legend as plain HTML: wraps on narrow screens and can be read by screen readers. */
export function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-muted-foreground">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm" style={{ background: s.color }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
