"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, ScrollText, Zap } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import type { listLogs } from "@/lib/usage/logs";
import type { Wire } from "@/lib/usage/wire";
import { FilterBar } from "./filter-bar";
import { formatDateTime, formatMs, formatWhole } from "@/lib/format";
import { LogDrawer } from "./log-drawer";
import { StatusBadge } from "./status-badge";
import { useFilterOptions } from "./use-filter-options";
import { filterQuery, useTimeZone, useUrlFilters } from "./use-url-filters";

type LogPage = Wire<Awaited<ReturnType<typeof listLogs>>>;

export function LogsView() {
  const [filters, setFilters] = useUrlFilters("30d");
  const tz = useTimeZone();
  const options = useFilterOptions(filters, tz);
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const openId = params.get("log");
  const setOpenId = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("log", id);
    else next.delete("log");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const logs = useInfiniteQuery({
    queryKey: queryKeys.logs.list({ ...filters, tz }),
    queryFn: ({ pageParam, signal }) => apiFetch<LogPage>(`/api/logs?${filterQuery(filters, { tz, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: tz !== null,
  });
  const rows = logs.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(filters.keyId || filters.model || filters.endpoint || filters.status);
  const exportHref = `/api/logs/export.csv?${filterQuery(filters, { tz })}`;

  return (
    <>
      <PageHeader
        title="Logs"
        description="Every request made with your keys and in the playgrounds, newest first. Only metadata is kept, never prompts or answers."
        actions={
          <Button variant="outline" size="sm" asChild>
            <a href={exportHref} download>
              <Download aria-hidden="true" />
              Export CSV
            </a>
          </Button>
        }
      />
      <FilterBar filters={filters} onChange={setFilters} options={options.data} showStatus />
      {logs.isError ? (
        <ErrorCallout error={logs.error} action={<Button variant="outline" size="sm" onClick={() => logs.refetch()}>Try again</Button>} />
      ) : !logs.data ? (
        <Card className="space-y-2 p-4" aria-label="Loading logs">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-8" />
          ))}
        </Card>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No requests match these filters" : "No requests in this period"}
          description={
            filtered
              ? "Widen the time range or clear the filters."
              : "Requests appear here a second or two after they finish, with their status, tokens, cost and latency."
          }
          action={
            filtered ? (
              <Button variant="outline" onClick={() => setFilters({ keyId: undefined, model: undefined, endpoint: undefined, status: undefined })}>
                Clear filters
              </Button>
            ) : (
              <Button asChild>
                <Link href="/playground/chat">Try a model</Link>
              </Button>
            )
          }
        />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Requests">
            <TableHeader>
              <TableRow>
                <TableHead>Time</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Model</TableHead>
                <TableHead>Endpoint</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Tokens in / out</TableHead>
                <TableHead className="text-right">Cost</TableHead>
                <TableHead className="text-right">Latency</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} className="cursor-pointer" onClick={() => setOpenId(r.id)}>
                  <TableCell className="whitespace-nowrap">
                    <button type="button" className="text-left hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring" aria-label={`Details of the ${r.model} request at ${formatDateTime(r.createdAt, tz ?? undefined)}`}>
                      {formatDateTime(r.createdAt, tz ?? undefined)}
                    </button>
                  </TableCell>
                  <TableCell className="max-w-40 truncate">{r.keyName}</TableCell>
                  <TableCell className="font-mono text-[13px]">{r.model}</TableCell>
                  <TableCell className="font-mono text-[13px] text-muted-foreground">
                    {r.endpoint}
                    {r.stream ? <Zap className="ml-1 inline size-3.5 text-muted-foreground" aria-label="streamed" /> : null}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={r.status} errorCode={r.errorCode} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatWhole(r.promptTokens)} / {formatWhole(r.completionTokens)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatUsd(r.cost, { precise: r.cost < 10_000 })}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMs(r.latencyMs)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="flex items-center justify-between border-t px-4 py-3 text-sm text-muted-foreground">
            <span>
              {formatWhole(rows.length)} request{rows.length === 1 ? "" : "s"} shown
            </span>
            {logs.hasNextPage ? (
              <Button variant="outline" size="sm" loading={logs.isFetchingNextPage} onClick={() => logs.fetchNextPage()}>
                Load more
              </Button>
            ) : (
              <span>End of the list</span>
            )}
          </div>
        </Card>
      )}
      <LogDrawer logId={openId} initial={rows.find((r) => r.id === openId)} timeZone={tz ?? undefined} onClose={() => setOpenId(null)} />
    </>
  );
}
