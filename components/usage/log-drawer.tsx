"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import { Dialog as DialogPrimitive } from "radix-ui";
import { X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import type { LogEntry } from "@/lib/usage/logs";
import type { Wire } from "@/lib/usage/wire";
import { formatDateTime, formatMs, formatPlanRequests, formatWhole } from "@/lib/format";
import { StatusBadge } from "./status-badge";

function Row({ label, children, copy }: { label: string; children: React.ReactNode; copy?: string | null }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] items-start gap-3 border-b py-2.5 text-sm last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 items-start gap-1">
        <span className="min-w-0 flex-1 break-all">{children}</span>
        {copy ? <CopyButton value={copy} label={`Copy ${label.toLowerCase()}`} className="-my-1.5 size-7" /> : null}
      </dd>
    </div>
  );
}

/** Every field of one request, in a panel from the right; the id lives in the URL (?log=) so it can be shared. */
export function LogDrawer({
  logId,
  initial,
  timeZone,
  onClose,
}: {
  logId: string | null;
  initial?: Wire<LogEntry>;
  timeZone?: string;
  onClose: () => void;
}) {
  const detail = useQuery({
    queryKey: queryKeys.logs.detail(logId ?? ""),
    queryFn: () => apiFetch<Wire<LogEntry>>(`/api/logs/${encodeURIComponent(logId!)}`),
    enabled: logId !== null,
    initialData: initial,
    staleTime: Infinity,
  });
  const log = detail.data;
  return (
    <DialogPrimitive.Root open={logId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-lg flex-col border-l bg-background shadow-xl focus:outline-none"
        >
          <div className="flex items-center justify-between border-b px-5 py-4">
            <DialogPrimitive.Title className="text-base font-semibold">Request details</DialogPrimitive.Title>
            <DialogPrimitive.Close
              className="rounded-md p-1.5 text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label="Close details"
            >
              <X className="size-4" aria-hidden="true" />
            </DialogPrimitive.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-3">
            {detail.isError ? (
              <ErrorCallout error={detail.error} />
            ) : !log ? (
              <div className="space-y-3">
                {Array.from({ length: 8 }, (_, i) => (
                  <Skeleton key={i} className="h-6" />
                ))}
              </div>
            ) : (
              <dl>
                <Row label="Time">{formatDateTime(log.createdAt, timeZone)}</Row>
                <Row label="Status">
                  <StatusBadge status={log.status} errorCode={log.errorCode} />
                </Row>
                <Row label="Endpoint">
                  <code className="font-mono text-[13px]">{log.endpoint}</code>
                </Row>
                <Row label="Model" copy={log.model}>
                  <code className="font-mono text-[13px]">{log.model}</code>
                </Row>
                <Row label="Key">
                  {log.keyName} <span className="font-mono text-xs text-muted-foreground">{log.keyDisplay}</span>
                  {log.keyRevoked ? (
                    <Badge variant="secondary" className="ml-2">
                      Revoked
                    </Badge>
                  ) : null}
                </Row>
                <Row label="Source">{log.source === "PLAYGROUND" ? "Playground" : "API"}</Row>
                <Row label="Input tokens">{formatWhole(log.promptTokens)}</Row>
                <Row label="Output tokens">{formatWhole(log.completionTokens)}</Row>
                <Row label="Total tokens">{formatWhole(log.totalTokens)}</Row>
                <Row label="Cost">{formatUsd(log.cost, { precise: true })}</Row>
                {log.quotaCost > 0 ? <Row label="Plan requests">{formatPlanRequests(log.quotaCost)}</Row> : null}
                <Row label="Latency">{formatMs(log.latencyMs)}</Row>
                <Row label="Time to first byte">{log.ttfbMs === null ? "—" : formatMs(log.ttfbMs)}</Row>
                <Row label="Streamed">{log.stream ? "Yes" : "No"}</Row>
                <Row label="Request ID" copy={log.requestId}>
                  <code className="font-mono text-[13px]">{log.requestId}</code>
                </Row>
                <Row label="Upstream request ID" copy={log.upstreamRequestId}>
                  {log.upstreamRequestId ? <code className="font-mono text-[13px]">{log.upstreamRequestId}</code> : <span className="text-muted-foreground">None (no upstream answer)</span>}
                </Row>
                <Row label="Client IP">{log.clientIp ?? "—"}</Row>
              </dl>
            )}
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
