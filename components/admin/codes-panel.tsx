"use client";

import * as React from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { generateCodes, listCodes } from "@/lib/admin/codes";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import type { Wire } from "@/lib/usage/wire";
import { formatDate, formatDateTime } from "@/lib/format";
import { useAdminMutation } from "./use-admin";

type Generated = Wire<Awaited<ReturnType<typeof generateCodes>>>;
type CodePage = Wire<Awaited<ReturnType<typeof listCodes>>>;

function GenerateForm({ onGenerated }: { onGenerated: (g: Generated) => void }) {
  const [count, setCount] = React.useState("10");
  const [amount, setAmount] = React.useState("10");
  const [batch, setBatch] = React.useState("");
  const [days, setDays] = React.useState("");
  const generate = useAdminMutation(
    () =>
      apiFetch<Generated>("/api/admin/codes", {
        method: "POST",
        body: { count: Number(count), amountUsd: Number(amount), batch: batch || undefined, expiresInDays: days ? Number(days) : null },
      }),
    (g) => `${g.codes.length} codes of ${formatUsd(g.amount)} generated.`,
    onGenerated,
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Generate codes</CardTitle>
        <CardDescription>Each code adds its amount to the balance of whoever redeems it first, once. Codes are 100-bit random: they cannot be guessed.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            generate.mutate(undefined);
          }}
        >
          <Field id="code-count" label="How many">
            <Input id="code-count" type="number" min={1} max={500} value={count} onChange={(e) => setCount(e.target.value)} required className="w-24" />
          </Field>
          <Field id="code-amount" label="Amount each (USD)">
            <Input id="code-amount" type="number" min={0.01} step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} required className="w-32" />
          </Field>
          <Field id="code-batch" label="Batch label (optional)">
            <Input id="code-batch" value={batch} maxLength={60} onChange={(e) => setBatch(e.target.value)} placeholder="workshop-march" className="w-48" />
          </Field>
          <Field id="code-days" label="Expires after (days)">
            <Input id="code-days" type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} placeholder="never" className="w-32" />
          </Field>
          <Button type="submit" loading={generate.isPending}>
            Generate
          </Button>
        </form>
        {generate.error ? <ErrorCallout error={generate.error} className="mt-3" /> : null}
      </CardContent>
    </Card>
  );
}

function GeneratedDialog({ generated, onClose }: { generated: Generated; onClose: () => void }) {
  const all = generated.codes.join("\n");
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>
            {generated.codes.length} codes of {formatUsd(generated.amount)}
          </DialogTitle>
          <DialogDescription>
            Batch “{generated.batch}”{generated.expiresAt ? `, valid until ${formatDate(generated.expiresAt)}` : ", no expiry"}. They stay listed below, with who redeemed each.
          </DialogDescription>
        </DialogHeader>
        <ul className="max-h-80 overflow-y-auto rounded-md border bg-muted/30 p-2 font-mono text-sm" aria-label="Generated codes">
          {generated.codes.map((c) => (
            <li key={c} className="flex items-center justify-between gap-2 px-1">
              <span>{c}</span>
              <CopyButton value={c} label={`Copy ${c}`} className="size-7" />
            </li>
          ))}
        </ul>
        <DialogFooter>
          <CopyButton value={all} label="Copy all codes" showText variant="outline" />
          <Button onClick={onClose}>Done</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** Redemption codes: generate a batch, see which are used and by whom. */
export function CodesPanel() {
  const [status, setStatus] = React.useState("all");
  const [generated, setGenerated] = React.useState<Generated | null>(null);
  const codes = useInfiniteQuery({
    queryKey: queryKeys.admin.codes({ status }),
    queryFn: ({ pageParam }) => apiFetch<CodePage>(`/api/admin/codes?${new URLSearchParams({ status, ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = codes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <GenerateForm onGenerated={setGenerated} />
      <div className="flex items-center gap-2">
        <Select aria-label="Code status" value={status} onChange={(e) => setStatus(e.target.value)} className="w-44">
          <option value="all">All codes</option>
          <option value="unused">Not redeemed</option>
          <option value="used">Redeemed</option>
        </Select>
      </div>
      {codes.isError ? (
        <ErrorCallout error={codes.error} />
      ) : !codes.data ? (
        <Skeleton className="h-48" aria-label="Loading codes" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No codes yet. Generate some above.</p>
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Redemption codes">
            <TableHeader>
              <TableRow>
                <TableHead>Code</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead>Batch</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => {
                const expired = !c.redeemedAt && c.expiresAt && new Date(c.expiresAt) < new Date();
                return (
                  <TableRow key={c.id}>
                    <TableCell className="whitespace-nowrap font-mono text-[13px]">
                      {c.code}
                      {!c.redeemedAt ? <CopyButton value={c.code} label={`Copy ${c.code}`} className="ml-1 size-7" /> : null}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatUsd(c.amount)}</TableCell>
                    <TableCell className="text-muted-foreground">{c.batch ?? ""}</TableCell>
                    <TableCell>
                      {c.redeemedAt ? (
                        <span className="text-sm">
                          <Badge variant="secondary">Redeemed</Badge> <span className="text-muted-foreground">by {c.redeemedBy?.email ?? "a deleted user"}, {formatDateTime(c.redeemedAt)}</span>
                        </span>
                      ) : expired ? (
                        <Badge variant="warning">Expired</Badge>
                      ) : (
                        <Badge variant="success">Unused</Badge>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">{formatDate(c.createdAt)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {codes.hasNextPage ? (
            <div className="border-t px-4 py-3">
              <Button variant="outline" size="sm" loading={codes.isFetchingNextPage} onClick={() => codes.fetchNextPage()}>
                Load more
              </Button>
            </div>
          ) : null}
        </Card>
      )}
      {generated ? <GeneratedDialog generated={generated} onClose={() => setGenerated(null)} /> : null}
    </div>
  );
}
