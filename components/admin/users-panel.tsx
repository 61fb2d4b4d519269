"use client";

import * as React from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MoreHorizontal, Search } from "lucide-react";
import { ConfirmDialog } from "@/components/billing/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listAllPlans } from "@/lib/admin/plans";
import type { listUsers } from "@/lib/admin/users";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatUsd } from "@/lib/money";
import type { Wire } from "@/lib/usage/wire";
import { formatDate, formatWhole } from "@/lib/format";
import { useAdminMutation } from "./use-admin";

type UserPage = Wire<Awaited<ReturnType<typeof listUsers>>>;
type User = UserPage["users"][number];
type Plans = Wire<Awaited<ReturnType<typeof listAllPlans>>>;
type Action = { kind: "grant" | "plan" | "status"; user: User } | null;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Search users; suspend or reactivate, grant credit, change plan. */
export function UsersPanel({ selfId }: { selfId: string }) {
  const [q, setQ] = React.useState("");
  const [status, setStatus] = React.useState("all");
  const [page, setPage] = React.useState(1);
  const [action, setAction] = React.useState<Action>(null);
  const query = useDebounced(q.trim(), 300);
  React.useEffect(() => setPage(1), [query, status]);
  const users = useQuery({
    queryKey: queryKeys.admin.users({ q: query, status, page }),
    queryFn: () => apiFetch<UserPage>(`/api/admin/users?${new URLSearchParams({ q: query, status, page: String(page) })}`),
    placeholderData: keepPreviousData,
  });
  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Find users">
        <div className="relative w-full max-w-sm">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input aria-label="Search users" placeholder="Email, name or user id" value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" type="search" />
        </div>
        <Select aria-label="Account status" value={status} onChange={(e) => setStatus(e.target.value)} className="w-40">
          <option value="all">All accounts</option>
          <option value="ACTIVE">Active</option>
          <option value="SUSPENDED">Suspended</option>
        </Select>
      </div>
      {users.isError ? (
        <ErrorCallout error={users.error} />
      ) : !data ? (
        <Skeleton className="h-64" aria-label="Loading users" />
      ) : data.users.length === 0 ? (
        <EmptyState title="No users found" description="No account matches this search. Try part of an email address." />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Users">
            <TableHeader>
              <TableRow>
                <TableHead>User</TableHead>
                <TableHead>Plan</TableHead>
                <TableHead className="text-right">Balance</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Joined</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.users.map((u) => (
                <TableRow key={u.id}>
                  <TableCell>
                    <div className="flex items-center gap-1">
                      <span className="font-medium">{u.email}</span>
                      <CopyButton value={u.email} label={`Copy ${u.email}`} className="size-7" />
                      {u.role === "ADMIN" ? <Badge variant="outline">Admin</Badge> : null}
                    </div>
                    {u.name ? <p className="text-xs text-muted-foreground">{u.name}</p> : null}
                  </TableCell>
                  <TableCell>{u.plan?.name ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatUsd(u.balance)}</TableCell>
                  <TableCell>{u.status === "SUSPENDED" ? <Badge variant="destructive">Suspended</Badge> : <Badge variant="success">Active</Badge>}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">{formatDate(u.createdAt)}</TableCell>
                  <TableCell>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${u.email}`}>
                          <MoreHorizontal aria-hidden="true" />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="end">
                        <DropdownMenuItem onSelect={() => setAction({ kind: "grant", user: u })}>Grant credit…</DropdownMenuItem>
                        <DropdownMenuItem onSelect={() => setAction({ kind: "plan", user: u })}>Change plan…</DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem disabled={u.id === selfId} onSelect={() => setAction({ kind: "status", user: u })} className={u.status === "SUSPENDED" ? undefined : "text-destructive"}>
                          {u.status === "SUSPENDED" ? "Reactivate…" : "Suspend…"}
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="flex items-center justify-between border-t px-4 py-3 text-sm text-muted-foreground">
            <span>
              {formatWhole(data.total)} user{data.total === 1 ? "" : "s"} · page {data.page} of {pages}
            </span>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          </div>
        </Card>
      )}
      {action?.kind === "grant" ? <GrantDialog user={action.user} onClose={() => setAction(null)} /> : null}
      {action?.kind === "plan" ? <PlanDialog user={action.user} onClose={() => setAction(null)} /> : null}
      {action?.kind === "status" ? <StatusDialog user={action.user} onClose={() => setAction(null)} /> : null}
    </div>
  );
}

function StatusDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const suspending = user.status !== "SUSPENDED";
  const change = useAdminMutation(
    () => apiFetch(`/api/admin/users/${user.id}`, { method: "PATCH", body: { status: suspending ? "SUSPENDED" : "ACTIVE" } }),
    () => (suspending ? `${user.email} is suspended.` : `${user.email} is active again.`),
    onClose,
  );
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={suspending ? `Suspend ${user.email}?` : `Reactivate ${user.email}?`}
      confirmLabel={suspending ? "Suspend account" : "Reactivate account"}
      destructive={suspending}
      pending={change.isPending}
      error={change.error}
      onConfirm={() => change.mutate(undefined)}
    >
      <p>
        {suspending
          ? "They are signed out of the console at their next page, and every one of their API keys is refused with account_suspended until you reactivate them. Nothing is deleted."
          : "Their sign-in and API keys work again at once."}
      </p>
    </ConfirmDialog>
  );
}

function GrantDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const [amount, setAmount] = React.useState("5");
  const [note, setNote] = React.useState("");
  const grant = useAdminMutation(
    () => apiFetch<{ balance: number }>(`/api/admin/users/${user.id}/grant`, { method: "POST", body: { amountUsd: Number(amount), note: note || undefined } }),
    (out) => `Granted. ${user.email} now has ${formatUsd(out.balance)}.`,
    onClose,
  );
  return (
    <FormDialog
      title={`Grant credit to ${user.email}`}
      description={`Added to their PAYG balance now (${formatUsd(user.balance)}) and recorded in their balance history as a grant.`}
      submitLabel="Grant credit"
      pending={grant.isPending}
      error={grant.error}
      onSubmit={() => grant.mutate(undefined)}
      onClose={onClose}
    >
      <Field id="grant-amount" label="Amount (USD)">
        <Input id="grant-amount" type="number" min={0.01} step="0.01" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required className="w-40" />
      </Field>
      <Field id="grant-note" label="Note (shown to the user)">
        <Input id="grant-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder="Credit from the operator" />
      </Field>
    </FormDialog>
  );
}

function PlanDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const plans = useQuery({ queryKey: queryKeys.admin.plans, queryFn: () => apiFetch<Plans>("/api/admin/plans"), staleTime: 5 * 60_000 });
  const [plan, setPlan] = React.useState(user.plan?.slug ?? "free");
  const change = useAdminMutation(
    () => apiFetch(`/api/admin/users/${user.id}/plan`, { method: "POST", body: { plan } }),
    () => `${user.email} is now on ${plans.data?.find((p) => p.slug === plan)?.name ?? plan}.`,
    onClose,
  );
  return (
    <FormDialog
      title={`Change the plan of ${user.email}`}
      description="A fresh cycle on the new plan starts now with its full quota. Nothing is charged; their subscription key stays the same."
      submitLabel="Change plan"
      pending={change.isPending}
      error={change.error}
      onSubmit={() => change.mutate(undefined)}
      onClose={onClose}
      submitDisabled={!plans.data}
    >
      <Field id="admin-plan" label="Plan">
        <Select id="admin-plan" value={plan} onChange={(e) => setPlan(e.target.value)}>
          {(plans.data ?? []).map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name} · {p.priceMonthly ? `${formatUsd(p.priceMonthly)}/month` : "free"}
              {p.public ? "" : " (hidden)"}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
