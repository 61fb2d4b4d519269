"use client";

import { OTHER_COLOR, seriesColor, type ChartSeries } from "@/components/charts/chart-theme";
import { TimeChart } from "@/components/charts/time-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatUsd } from "@/lib/money";
import { OTHER_MODELS, type SeriesPoint } from "@/lib/usage/aggregate";
import type { Wire } from "@/lib/usage/wire";
import { bucketLabel, formatCount } from "@/lib/format";

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
          <TimeChart
            data={rows}
            xKey="key"
            series={costSeries.map((s) => ({ ...s, kind: "stacked-bar" as const }))}
            formatValue={(v) => formatUsd(v)}
            formatX={formatX}
            label={`Cost per ${per} by model`}
            height={260}
            total
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Tokens</CardTitle>
          <CardDescription>Input and output tokens per {per}.</CardDescription>
        </CardHeader>
        <CardContent>
          <TimeChart
            data={rows}
            xKey="key"
            series={[
              { key: "promptTokens", label: "Input tokens", color: seriesColor(0), kind: "area" },
              { key: "completionTokens", label: "Output tokens", color: seriesColor(1), kind: "area" },
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
          <TimeChart
            data={rows}
            xKey="key"
            series={[
              { key: "requests", label: "Requests", color: seriesColor(1), kind: "bar" },
              { key: "errors", label: "Errors", color: "var(--destructive)", kind: "line" },
            ]}
            integer
            formatValue={formatCount}
            formatX={formatX}
            label={`Requests and errors per ${per}`}
          />
        </CardContent>
      </Card>
    </div>
  );
}
