"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend, ChartTooltip } from "./chart-tooltip";
import { axisProps, gridProps, type ChartSeries, type ValueFormatter } from "./chart-theme";

/** How a series is drawn: stacked bars share one stack; areas overlap; a line sits over the rest. */
export type TimeSeries = ChartSeries & { kind: "bar" | "stacked-bar" | "area" | "line" };

/**
 * Every chart of the console: buckets of time along x, one value axis, and any mix of bars, areas
 * and lines, so the frame (grid, axes, tooltip, legend) is set up in one place.
 */
export function TimeChart({
  data,
  xKey,
  series,
  formatValue,
  formatX,
  label,
  height = 220,
  integer = false,
  total = false,
}: {
  data: Array<Record<string, number | string>>;
  xKey: string;
  series: TimeSeries[];
  formatValue: ValueFormatter;
  formatX?: (value: string) => string;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
  /** Whole numbers only on the value axis (counts). */
  integer?: boolean;
  /** Show the sum of the series in the tooltip (stacked values). */
  total?: boolean;
}) {
  const lastStacked = series.map((s) => s.kind).lastIndexOf("stacked-bar");
  const hasBars = series.some((s) => s.kind === "bar" || s.kind === "stacked-bar");
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey={xKey} {...axisProps} tickFormatter={formatX} minTickGap={16} />
            <YAxis {...axisProps} width={64} tickFormatter={formatValue} allowDecimals={!integer} />
            <Tooltip
              cursor={hasBars ? { fill: "var(--muted)", opacity: 0.6 } : true}
              content={<ChartTooltip series={series} formatValue={formatValue} formatLabel={formatX} total={total} />}
            />
            {series.map((s, i) => {
              const common = { dataKey: s.key, name: s.label, isAnimationActive: false };
              switch (s.kind) {
                case "stacked-bar":
                  return <Bar key={s.key} {...common} stackId="stack" fill={s.color} radius={i === lastStacked ? [3, 3, 0, 0] : 0} />;
                case "bar":
                  return <Bar key={s.key} {...common} fill={s.color} radius={[3, 3, 0, 0]} />;
                case "area":
                  return <Area key={s.key} {...common} type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.18} strokeWidth={2} />;
                case "line":
                  return <Line key={s.key} {...common} type="monotone" stroke={s.color} strokeWidth={2} dot={false} />;
              }
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} />
    </figure>
  );
}
