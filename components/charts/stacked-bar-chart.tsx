"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend, ChartTooltip } from "./chart-tooltip";
import { axisProps, gridProps, type ChartSeries, type ValueFormatter } from "./chart-theme";

/** Bars per bucket, one stacked segment per series (cost by model). */
export function StackedBarChart({
  data,
  xKey,
  series,
  formatValue,
  formatX,
  label,
  height = 260,
}: {
  data: Array<Record<string, number | string>>;
  xKey: string;
  series: ChartSeries[];
  formatValue: ValueFormatter;
  formatX?: (value: string) => string;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
}) {
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey={xKey} {...axisProps} tickFormatter={formatX} minTickGap={16} />
            <YAxis {...axisProps} width={64} tickFormatter={formatValue} />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.6 }}
              content={<ChartTooltip series={series} formatValue={formatValue} formatLabel={formatX} total />}
            />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} radius={i === series.length - 1 ? [3, 3, 0, 0] : 0} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} />
    </figure>
  );
}
