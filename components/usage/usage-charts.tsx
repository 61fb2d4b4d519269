"use client";

import { AreaChart } from "@/components/charts/area-chart";
import { BarLineChart } from "@/components/charts/bar-line-chart";
import { OTHER_COLOR, seriesColor, type ChartSeries } from "@/components/charts/chart-theme";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatUsd } from "@/lib/money";
import { OTHER_MODELS, type SeriesPoint } from "@/lib/usage/aggregate";
import type { Wire } from "@/lib/usage/wire";
import { bucketLabel, formatCount } from "./format";

/** Cost by model, tokens in/out, requests and errors: one card per chart, rows mapped before JSX. */
export function UsageCharts({ series, stack, bucket }: { series: Wire<SeriesPoint>[]; stack: string[]; bucket: "hour" | "day" }) {
  const rows = series.map((p) => ({
    key: p.key,
    requests: p.requests,
    errors: p.errors,
    promptTokens: p.promptTokens,
    completionTokens: p.completionTokens,
    ...Object.fromEntries(stack.map((m, i) => [`m${i}`, p.costByModel[m] ?? 0])),
  }));
  const costSeries: ChartSeries[] = stack.map((m, i) => ({ key: `m${i}`, label: m, color: m === OTHER_MODELS ? OTHER_COLOR : seriesColor(i) }));
  const formatX = (key: string) => bucketLabel(key, bucket);
  const per = bucket === "day" ? "day" : "hour";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Cost by model</CardTitle>
          <CardDescription>Per {per}, stacked; the costliest models get their own colour.</CardDescription>
        </CardHeader>
        <CardContent>
          <StackedBarChart data={rows} xKey="key" series={costSeries} formatValue={(v) => formatUsd(v)} formatX={formatX} label={`Cost per ${per} by model`} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Tokens</CardTitle>
          <CardDescription>Input and output tokens per {per}.</CardDescription>
        </CardHeader>
        <CardContent>
          <AreaChart
            data={rows}
            xKey="key"
            series={[
              { key: "promptTokens", label: "Input tokens", color: seriesColor(0) },
              { key: "completionTokens", label: "Output tokens", color: seriesColor(1) },
            ]}
            formatValue={formatCount}
            formatX={formatX}
            label={`Input and output tokens per ${per}`}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Requests and errors</CardTitle>
          <CardDescription>Every request per {per}; errors are answers with status 400 or above.</CardDescription>
        </CardHeader>
        <CardContent>
          <BarLineChart
            data={rows}
            xKey="key"
            bar={{ key: "requests", label: "Requests", color: seriesColor(1) }}
            line={{ key: "errors", label: "Errors", color: "var(--destructive)" }}
            formatValue={formatCount}
            formatX={formatX}
            label={`Requests and errors per ${per}`}
          />
        </CardContent>
      </Card>
    </div>
  );
}
