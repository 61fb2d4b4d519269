"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatUsd } from "@/lib/money";
import type { TotalsRow } from "@/lib/usage/aggregate";
import type { UsageSummary } from "@/lib/usage/summary";
import type { Wire } from "@/lib/usage/wire";
import { formatCount, formatMs, formatPercent } from "@/lib/format";

function Figures({ row }: { row: Wire<TotalsRow> }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{formatCount(row.requests)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatCount(row.promptTokens)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatCount(row.completionTokens)}</TableCell>
      <TableCell className="text-right font-medium tabular-nums">{formatUsd(row.cost)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatMs(row.avgLatencyMs)}</TableCell>
      <TableCell className="text-right tabular-nums">{formatPercent(row.errorRate)}</TableCell>
    </>
  );
}

function FigureHeads() {
  return (
    <>
      <TableHead className="text-right">Requests</TableHead>
      <TableHead className="text-right">Input tokens</TableHead>
      <TableHead className="text-right">Output tokens</TableHead>
      <TableHead className="text-right">Cost</TableHead>
      <TableHead className="text-right">Avg latency</TableHead>
      <TableHead className="text-right">Errors</TableHead>
    </>
  );
}

/** Per-key and per-model tables; a name narrows the whole page to that key or model. */
export function UsageTables({
  summary,
  onFilterKey,
  onFilterModel,
}: {
  summary: Wire<UsageSummary>;
  onFilterKey: (keyId: string) => void;
  onFilterModel: (model: string) => void;
}) {
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>By API key</CardTitle>
        </CardHeader>
        <CardContent className="px-0 pb-2">
          <Table aria-label="Usage by API key">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-5">Key</TableHead>
                <FigureHeads />
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.byKey.map((k) => (
                <TableRow key={k.keyId}>
                  <TableCell className="pl-5">
                    <button type="button" className="text-left font-medium hover:underline" onClick={() => onFilterKey(k.keyId)} title="Show only this key">
                      {k.name}
                    </button>
                    <span className="ml-2 font-mono text-xs text-muted-foreground">{k.display}</span>
                    {k.revoked ? (
                      <Badge variant="secondary" className="ml-2">
                        Revoked
                      </Badge>
                    ) : k.kind === "SUBSCRIPTION" ? (
                      <Badge variant="outline" className="ml-2">
                        Subscription
                      </Badge>
                    ) : null}
                  </TableCell>
                  <Figures row={k} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>By model</CardTitle>
        </CardHeader>
        <CardContent className="px-0 pb-2">
          <Table aria-label="Usage by model">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-5">Model</TableHead>
                <FigureHeads />
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.byModel.map((m) => (
                <TableRow key={m.model}>
                  <TableCell className="pl-5">
                    <button type="button" className="text-left font-mono text-[13px] font-medium hover:underline" onClick={() => onFilterModel(m.model)} title="Show only this model">
                      {m.model}
                    </button>
                  </TableCell>
                  <Figures row={m} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
