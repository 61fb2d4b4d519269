"use client";

import { Area, AreaChart as RechartsAreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartLegend, ChartTooltip } from "./chart-tooltip";
import { axisProps, gridProps, type ChartSeries, type ValueFormatter } from "./chart-theme";

/** Overlapping areas, one per series (tokens in and out). */
export function AreaChart({
  data,
  xKey,
  series,
  formatValue,
  formatX,
  label,
  height = 220,
}: {
  data: Array<Record<string, number | string>>;
  xKey: string;
  series: ChartSeries[];
  formatValue: ValueFormatter;
  formatX?: (value: string) => string;
  label: string;
  height?: number;
}) {
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsAreaChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid {...gridProps} />
            <XAxis dataKey={xKey} {...axisProps} tickFormatter={formatX} minTickGap={16} />
            <YAxis {...axisProps} width={64} tickFormatter={formatValue} />
            <Tooltip content={<ChartTooltip series={series} formatValue={formatValue} formatLabel={formatX} />} />
            {series.map((s) => (
              <Area key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.18} strokeWidth={2} isAnimationActive={false} />
            ))}
          </RechartsAreaChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend series={series} />
    </figure>
  );
}
