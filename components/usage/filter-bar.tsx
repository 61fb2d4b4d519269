"use client";

import * as React from "react";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { LogStatus } from "@/lib/usage/filters";
import type { FilterOptions } from "@/lib/usage/summary";
import type { RangeName } from "@/lib/usage/time";
import type { Wire } from "@/lib/usage/wire";
import { cn } from "@/lib/utils";
import type { UrlFilters } from "./use-url-filters";

const ranges: Array<{ value: RangeName; label: string }> = [
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
  { value: "90d", label: "90 days" },
  { value: "custom", label: "Custom" },
];

/** A local date as YYYY-MM-DD (the en-CA format), `days` before today. */
const localDate = (daysAgo = 0) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString("en-CA");

/** Range, custom dates and the key / model / endpoint (and status) filters of the usage and logs pages. */
export function FilterBar({
  filters,
  onChange,
  options,
  showStatus = false,
}: {
  filters: UrlFilters;
  onChange: (patch: Partial<UrlFilters>) => void;
  options: Wire<FilterOptions> | undefined;
  showStatus?: boolean;
}) {
  const [from, setFrom] = React.useState(filters.from ?? "");
  const [to, setTo] = React.useState(filters.to ?? "");
  React.useEffect(() => {
    setFrom(filters.from ?? "");
    setTo(filters.to ?? "");
  }, [filters.from, filters.to]);

  const filtered = Boolean(filters.keyId || filters.model || filters.endpoint || (filters.status && filters.status !== "all"));
  const keys = options?.keys ?? [];
  // Keep a filter that the options do not list (a bookmarked URL) selectable, so it can be seen and cleared.
  const withCurrent = (list: string[], current?: string) => (current && !list.includes(current) ? [current, ...list] : list);

  return (
    <div className="mb-6 space-y-3" role="search" aria-label="Filters">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Time range" className="inline-flex rounded-md border bg-muted/40 p-0.5">
          {ranges.map((r) => (
            <button
              key={r.value}
              type="button"
              aria-pressed={filters.range === r.value}
              onClick={() =>
                onChange(r.value === "custom" ? { range: "custom", from: filters.from || localDate(6), to: filters.to || localDate() } : { range: r.value })
              }
              className={cn(
                "rounded px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                filters.range === r.value && "bg-background text-foreground shadow-xs",
              )}
            >
              {r.label}
            </button>
          ))}
        </div>
        {filters.range === "custom" ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              onChange({ range: "custom", from, to });
            }}
          >
            <div className="grid gap-1">
              <Label htmlFor="range-from" className="text-xs text-muted-foreground">
                From
              </Label>
              <Input id="range-from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className="h-8 w-40" required />
            </div>
            <div className="grid gap-1">
              <Label htmlFor="range-to" className="text-xs text-muted-foreground">
                To
              </Label>
              <Input id="range-to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} className="h-8 w-40" required />
            </div>
            <Button type="submit" size="sm" variant="outline">
              Apply
            </Button>
          </form>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Select aria-label="API key" value={filters.keyId ?? ""} onChange={(e) => onChange({ keyId: e.target.value })} className="w-48">
          <option value="">All keys</option>
          {keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.revoked ? `${k.name} (revoked)` : k.name} · {k.display}
            </option>
          ))}
          {filters.keyId && !keys.some((k) => k.id === filters.keyId) ? <option value={filters.keyId}>Unknown key</option> : null}
        </Select>
        <Select aria-label="Model" value={filters.model ?? ""} onChange={(e) => onChange({ model: e.target.value })} className="w-52">
          <option value="">All models</option>
          {withCurrent(options?.models ?? [], filters.model).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Select aria-label="Endpoint" value={filters.endpoint ?? ""} onChange={(e) => onChange({ endpoint: e.target.value })} className="w-52">
          <option value="">All endpoints</option>
          {withCurrent(options?.endpoints ?? [], filters.endpoint).map((ep) => (
            <option key={ep} value={ep}>
              {ep}
            </option>
          ))}
        </Select>
        {showStatus ? (
          <Select aria-label="Status" value={filters.status ?? "all"} onChange={(e) => onChange({ status: e.target.value === "all" ? undefined : (e.target.value as LogStatus) })} className="w-40">
            <option value="all">All statuses</option>
            <option value="ok">Succeeded</option>
            <option value="error">Failed</option>
          </Select>
        ) : null}
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={() => onChange({ keyId: undefined, model: undefined, endpoint: undefined, status: undefined })}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
