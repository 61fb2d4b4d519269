"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import { formatDateTime } from "@/lib/format";
import type { Billing } from "./use-billing";

type LedgerPage = Billing["ledger"];

const kinds: Record<string, { label: string; variant: BadgeVariant }> = {
  REDEEM: { label: "Code redeemed", variant: "success" },
  GRANT: { label: "Credit granted", variant: "success" },
  TOPUP: { label: "Top-up", variant: "success" },
  REFUND: { label: "Refund", variant: "success" },
  USAGE: { label: "Usage", variant: "secondary" },
  SUBSCRIPTION: { label: "Subscription", variant: "default" },
};

/** Every change of the balance, newest first; usage is booked in batches as the gateway writes it. */
export function LedgerTable({ firstPage }: { firstPage: LedgerPage }) {
  const ledger = useInfiniteQuery({
    queryKey: queryKeys.billing.ledger(),
    queryFn: ({ pageParam }) => apiFetch<LedgerPage>(`/api/billing/ledger?cursor=${encodeURIComponent(pageParam ?? "")}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The billing overview carries the first page; later pages load on demand.
    initialData: { pages: [firstPage], pageParams: [null] },
  });
  const rows = ledger.data.pages.flatMap((p) => p.items);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Balance history</CardTitle>
        <CardDescription>Every credit and charge, with the balance after it.</CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-2">
        {rows.length === 0 ? (
          <p className="px-5 pb-3 text-sm text-muted-foreground">No balance changes yet.</p>
        ) : (
          <Table aria-label="Balance history">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-5">Time</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Note</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead className="pr-5 text-right">Balance after</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((e) => {
                const kind = kinds[e.kind] ?? { label: e.kind, variant: "secondary" as const };
                return (
                  <TableRow key={e.id}>
                    <TableCell className="whitespace-nowrap pl-5">{formatDateTime(e.createdAt)}</TableCell>
                    <TableCell>
                      <Badge variant={kind.variant}>{kind.label}</Badge>
                    </TableCell>
                    <TableCell className="max-w-md text-muted-foreground">{e.note ?? ""}</TableCell>
                    <TableCell className={e.amount >= 0 ? "text-right font-medium tabular-nums text-success" : "text-right tabular-nums"}>
                      {e.amount >= 0 ? "+" : ""}
                      {formatUsd(e.amount, { precise: Math.abs(e.amount) < 10_000 })}
                    </TableCell>
                    <TableCell className="pr-5 text-right tabular-nums">{formatUsd(e.balanceAfter)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {ledger.hasNextPage ? (
          <div className="border-t px-5 pt-3">
            <Button variant="outline" size="sm" loading={ledger.isFetchingNextPage} onClick={() => ledger.fetchNextPage()}>
              Load more
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
