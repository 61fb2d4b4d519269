"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend, ChartTooltip } from "./chart-tooltip";
import { axisProps, gridProps, type ChartSeries, type ValueFormatter } from "./chart-theme";

/** Bars for a volume and a line for a subset of it on the same scale (requests and errors). */
export function BarLineChart({
  data,
  xKey,
  bar,
  line,
  formatValue,
  formatX,
  label,
  height = 220,
}: {
  data: Array<Record<string, number | string>>;
  xKey: string;
  bar: ChartSeries;
  line: ChartSeries;
  formatValue: ValueFormatter;
  formatX?: (value: string) => string;
  label: string;
  height?: number;
}) {
  const series = [bar, line];
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey={xKey} {...axisProps} tickFormatter={formatX} minTickGap={16} />
            <YAxis {...axisProps} width={64} tickFormatter={formatValue} allowDecimals={false} />
            <Tooltip cursor={{ fill: "var(--muted)", opacity: 0.6 }} content={<ChartTooltip series={series} formatValue={formatValue} formatLabel={formatX} />} />
            <Bar dataKey={bar.key} name={bar.label} fill={bar.color} radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Line type="monotone" dataKey={line.key} name={line.label} stroke={line.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} />
    </figure>
  );
}
