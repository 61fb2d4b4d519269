"use client";

import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BarChart3 } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import type { UsageSummary } from "@/lib/usage/summary";
import type { Wire } from "@/lib/usage/wire";
import { FilterBar } from "./filter-bar";
import { HeadlineCards } from "./headline-cards";
import { UsageCharts } from "./usage-charts";
import { UsageTables } from "./usage-tables";
import { useFilterOptions } from "./use-filter-options";
import { filterQuery, useTimeZone, useUrlFilters, type UrlFilters } from "./use-url-filters";

const periodWords: Record<UrlFilters["range"], string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days", custom: "period" };

export function UsageView() {
  const [filters, setFilters] = useUrlFilters("7d");
  const tz = useTimeZone();
  const summary = useQuery({
    queryKey: queryKeys.usage.summary({ ...filters, tz }),
    queryFn: () => apiFetch<Wire<UsageSummary>>(`/api/usage?${filterQuery(filters, { tz })}`),
    enabled: tz !== null,
    placeholderData: keepPreviousData,
  });
  const options = useFilterOptions(filters, tz);
  const data = summary.data;
  const filtered = Boolean(filters.keyId || filters.model || filters.endpoint);
  const logsHref = `/logs?${filterQuery(filters)}`;

  return (
    <>
      <PageHeader
        title="Usage"
        description={tz ? `Requests, tokens and cost from the API and the playgrounds. Days are in your time zone, ${tz}.` : "Requests, tokens and cost from the API and the playgrounds."}
        actions={
          <Button variant="outline" size="sm" asChild>
            <Link href={logsHref}>See these requests in Logs</Link>
          </Button>
        }
      />
      <FilterBar filters={filters} onChange={setFilters} options={options.data} />
      {summary.isError ? (
        <ErrorCallout error={summary.error} action={<Button variant="outline" size="sm" onClick={() => summary.refetch()}>Try again</Button>} />
      ) : !data ? (
        <UsageSkeleton />
      ) : data.totals.requests === 0 ? (
        filtered ? (
          <EmptyState
            icon={BarChart3}
            title="No requests match these filters"
            description="Nothing was sent with this key, model or endpoint in the chosen period. Widen the range or clear the filters."
            action={<Button variant="outline" onClick={() => setFilters({ keyId: undefined, model: undefined, endpoint: undefined })}>Clear filters</Button>}
          />
        ) : (
          <EmptyState
            icon={BarChart3}
            title="No requests in this period"
            description="Requests made with your API keys or in the playgrounds appear here within a few seconds, with their tokens and cost."
            action={
              <div className="flex flex-wrap justify-center gap-2">
                <Button asChild>
                  <Link href="/playground/chat">Try a model</Link>
                </Button>
                <Button variant="outline" asChild>
                  <Link href="/keys">Create an API key</Link>
                </Button>
              </div>
            }
          />
        )
      ) : (
        <div className={summary.isPlaceholderData ? "space-y-6 opacity-60 transition-opacity" : "space-y-6"} aria-busy={summary.isFetching}>
          <HeadlineCards headline={data.headline} period={periodWords[filters.range]} />
          <UsageCharts series={data.series} stack={data.stack} bucket={data.range.bucket} />
          <UsageTables summary={data} onFilterKey={(keyId) => setFilters({ keyId })} onFilterModel={(model) => setFilters({ model })} />
        </div>
      )}
    </>
  );
}

function UsageSkeleton() {
  return (
    <div className="space-y-6" aria-label="Loading usage">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-[92px]" />
        ))}
      </div>
      <Skeleton className="h-80" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
