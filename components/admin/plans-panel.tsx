"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import type { listAllPlans } from "@/lib/admin/plans";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { formatPlanRequests, formatWhole } from "@/lib/format";
import { fromMilli } from "@/lib/milli";
import { formatUsd, microsToUsd } from "@/lib/money";
import type { Wire } from "@/lib/usage/wire";
import { useAdminMutation } from "./use-admin";

type Plan = Wire<Awaited<ReturnType<typeof listAllPlans>>>[number];

function PlanDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const [form, setForm] = React.useState(() => ({
    name: plan.name,
    priceUsd: String(microsToUsd(plan.priceMonthly)),
    cycleRequests: String(fromMilli(plan.cycleQuota)),
    rpm: String(plan.rpm),
    tpm: String(plan.tpm),
    features: plan.features.join("\n"),
    public: plan.public,
  }));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const save = useAdminMutation(
    (body: Record<string, unknown>) => apiFetch(`/api/admin/plans/${plan.slug}`, { method: "PATCH", body }),
    () => `${form.name} saved. Limits apply from the next request; price and quota from each subscriber's next cycle.`,
    onClose,
  );
  const number = (id: "priceUsd" | "cycleRequests" | "rpm" | "tpm", label: string, hint?: string) => (
    <Field id={`plan-${id}`} label={label} hint={hint}>
      <Input id={`plan-${id}`} type="number" min={0} step="any" value={form[id]} onChange={(e) => set({ [id]: e.target.value })} required />
    </Field>
  );
  return (
    <FormDialog
      title={`Edit the ${plan.name} plan`}
      description="Rate limits reach the gateway at once. The price and the cycle quota apply when each subscriber's cycle renews; running cycles keep theirs."
      submitLabel="Save plan"
      pending={save.isPending}
      error={save.error}
      onSubmit={() =>
        save.mutate({
          name: form.name,
          priceUsd: Number(form.priceUsd),
          cycleRequests: Number(form.cycleRequests),
          rpm: Number(form.rpm),
          tpm: Number(form.tpm),
          features: form.features.split("\n").map((f) => f.trim()).filter(Boolean),
          public: form.public,
        })
      }
      onClose={onClose}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="plan-name" label="Name">
          <Input id="plan-name" value={form.name} onChange={(e) => set({ name: e.target.value })} required />
        </Field>
        {number("priceUsd", "Price per month (USD)")}
        {number("cycleRequests", "Plan requests per cycle", "A call costs its model's plan requests.")}
        {number("rpm", "Requests per minute")}
        {number("tpm", "Tokens per minute")}
      </div>
      <Field id="plan-features" label="Features" hint="One per line, as the plan cards list them.">
        <Textarea id="plan-features" value={form.features} onChange={(e) => set({ features: e.target.value })} rows={4} />
      </Field>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={form.public} onChange={(e) => set({ public: e.target.checked })} />
        Offered on the billing page (a hidden plan can still be given to a user by an admin)
      </label>
    </FormDialog>
  );
}

/** The subscription plans: price, quota and limits, editable; limits reach the gateway at once. */
export function PlansPanel() {
  const plans = useQuery({ queryKey: queryKeys.admin.plans, queryFn: () => apiFetch<Plan[]>("/api/admin/plans") });
  const [editing, setEditing] = React.useState<Plan | null>(null);
  if (plans.isError) return <ErrorCallout error={plans.error} />;
  if (!plans.data) return <Skeleton className="h-72" aria-label="Loading plans" />;
  return (
    <>
      <Card className="overflow-hidden">
        <Table aria-label="Plans">
          <TableHeader>
            <TableRow>
              <TableHead>Plan</TableHead>
              <TableHead className="text-right">Per month</TableHead>
              <TableHead className="text-right">Plan requests / cycle</TableHead>
              <TableHead className="text-right">RPM</TableHead>
              <TableHead className="text-right">TPM</TableHead>
              <TableHead className="w-20">
                <span className="sr-only">Edit</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plans.data.map((p) => (
              <TableRow key={p.slug}>
                <TableCell>
                  <span className="font-medium">{p.name}</span>
                  <span className="ml-2 font-mono text-xs text-muted-foreground">{p.slug}</span>
                  {p.public ? null : (
                    <Badge variant="secondary" className="ml-2">
                      Hidden
                    </Badge>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatUsd(p.priceMonthly)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatPlanRequests(p.cycleQuota)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatWhole(p.rpm)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatWhole(p.tpm)}</TableCell>
                <TableCell>
                  <Button variant="ghost" size="sm" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                    Edit
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      {editing ? <PlanDialog plan={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
