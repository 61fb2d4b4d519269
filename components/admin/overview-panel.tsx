"use client";

import * as React from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import type { ConsoleOverview } from "@/lib/usage/console-overview";
import type { Wire } from "@/lib/usage/wire";
import { cn } from "@/lib/utils";
import { formatCount, formatPercent, formatWhole } from "@/lib/format";
import { HeadlineCards } from "../usage/headline-cards";
import { UsageCharts } from "../usage/usage-charts";
import { useTimeZone } from "../usage/use-url-filters";

const ranges = [
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
] as const;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card className="p-4">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="mt-1 text-xl font-semibold tracking-tight tabular-nums">{value}</p>
    </Card>
  );
}

/** The whole console: accounts, money owed to users, and usage across everyone. */
export function OverviewPanel() {
  const [range, setRange] = React.useState<(typeof ranges)[number]["value"]>("30d");
  const tz = useTimeZone();
  const overview = useQuery({
    queryKey: [...queryKeys.admin.overview, { range, tz }],
    queryFn: () => apiFetch<Wire<ConsoleOverview>>(`/api/admin/overview?range=${range}&tz=${encodeURIComponent(tz!)}`),
    enabled: tz !== null,
    placeholderData: keepPreviousData,
  });
  const data = overview.data;
  if (overview.isError) return <ErrorCallout error={overview.error} />;
  if (!data) return <Skeleton className="h-96" aria-label="Loading overview" />;
  const a = data.accounts;
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Users" value={`${formatWhole(a.users)}${a.suspended ? ` (${a.suspended} suspended)` : ""}`} />
        <Stat label={`Active in the last ${ranges.find((r) => r.value === range)!.label}`} value={formatWhole(a.activeUsers)} />
        <Stat label="Balances held for users" value={formatUsd(a.outstandingBalance)} />
        <Stat label="Unredeemed codes" value={`${formatWhole(a.unredeemedCodes)} · ${formatUsd(a.unredeemedAmount)}`} />
      </div>
      <p className="text-sm text-muted-foreground">
        Subscribers: {a.plans.map((p) => `${p.name} ${formatWhole(p.subscribers)}`).join(" · ")}
      </p>
      <div role="group" aria-label="Overview range" className="inline-flex rounded-md border bg-muted/40 p-0.5">
        {ranges.map((r) => (
          <button
            key={r.value}
            type="button"
            aria-pressed={range === r.value}
            onClick={() => setRange(r.value)}
            className={cn("rounded px-3 py-1.5 text-sm font-medium text-muted-foreground", range === r.value && "bg-background text-foreground shadow-xs")}
          >
            {r.label}
          </button>
        ))}
      </div>
      <HeadlineCards headline={data.headline} period={ranges.find((r) => r.value === range)!.label} />
      <UsageCharts series={data.series} stack={data.stack} bucket={data.range.bucket} />
      <Card>
        <CardHeader>
          <CardTitle>Top users by cost</CardTitle>
        </CardHeader>
        <CardContent className="px-0 pb-2">
          {data.topUsers.length === 0 ? (
            <p className="px-5 pb-3 text-sm text-muted-foreground">No usage in this period.</p>
          ) : (
            <Table aria-label="Top users by cost">
              <TableHeader>
                <TableRow>
                  <TableHead className="pl-5">User</TableHead>
                  <TableHead className="text-right">Requests</TableHead>
                  <TableHead className="text-right">Tokens in / out</TableHead>
                  <TableHead className="text-right">Errors</TableHead>
                  <TableHead className="pr-5 text-right">Cost</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.topUsers.map((u) => (
                  <TableRow key={u.userId}>
                    <TableCell className="pl-5">
                      <span className="font-medium">{u.email}</span>
                      {u.name ? <span className="ml-2 text-muted-foreground">{u.name}</span> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCount(u.requests)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatCount(u.promptTokens)} / {formatCount(u.completionTokens)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatPercent(u.errorRate)}</TableCell>
                    <TableCell className="pr-5 text-right font-medium tabular-nums">{formatUsd(u.cost)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
