"use client";

import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Skeleton } from "@/components/ui/skeleton";
import { formatUsd } from "@/lib/money";
import { formatDate, formatPlanRequests } from "@/lib/format";
import { LedgerTable } from "./ledger-table";
import { PlanCards } from "./plan-cards";
import { Progress } from "./progress";
import { RedeemForm } from "./redeem-form";
import { RunwayList } from "./runway-list";
import { FallbackForm, ThresholdForm } from "./settings-forms";
import { useBilling, type Billing } from "./use-billing";

function PlanSummary({ sub }: { sub: NonNullable<Billing["subscription"]> }) {
  const left = Math.max(0, sub.cycleQuota - sub.cycleUsed);
  return (
    <Card className="p-5" role="group" aria-label="Current plan">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">Current plan</p>
        {sub.cancelAtPeriodEnd ? <Badge variant="warning">Ends {formatDate(sub.cycleEnd)}</Badge> : sub.status !== "ACTIVE" ? <Badge variant="warning">{sub.status.toLowerCase()}</Badge> : null}
      </div>
      <p className="mt-1.5 text-2xl font-semibold tracking-tight">{sub.plan.name}</p>
      <p className="mt-3 text-sm">
        <span className="font-medium tabular-nums">{formatPlanRequests(sub.cycleUsed)}</span> of {formatPlanRequests(sub.cycleQuota)} plan requests used
      </p>
      <Progress value={sub.cycleUsed} max={sub.cycleQuota} label="Cycle quota used" className="mt-2" />
      <p className="mt-2 text-xs text-muted-foreground">
        {formatPlanRequests(left)} left · {sub.cancelAtPeriodEnd ? "ends" : "resets"} {formatDate(sub.cycleEnd)}
        {sub.nextPlan && !sub.cancelAtPeriodEnd ? ` · then ${sub.nextPlan.name}` : ""}
      </p>
    </Card>
  );
}

function BalanceSummary({ billing }: { billing: Billing }) {
  return (
    <Card className="p-5" role="group" aria-label="Pay-as-you-go balance">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">Pay-as-you-go balance</p>
        {billing.lowBalance.low ? <Badge variant="warning">Low</Badge> : null}
      </div>
      <p className="mt-1.5 text-2xl font-semibold tracking-tight tabular-nums">{formatUsd(billing.balance)}</p>
      <p className="mt-3 text-sm text-muted-foreground">Pays for models outside your plan, requests past the cycle quota (with fallback on) and plan changes. It never expires.</p>
      <Button variant="link" asChild className="mt-2">
        <Link href="#top-up">Redeem a code</Link>
      </Button>
    </Card>
  );
}

export function BillingView() {
  const billing = useBilling();
  const data = billing.data;
  return (
    <>
      <PageHeader title="Billing" description="Your plan, its cycle quota, your pay-as-you-go balance and every change to it." />
      {billing.isError ? (
        <ErrorCallout error={billing.error} action={<Button variant="outline" size="sm" onClick={() => billing.refetch()}>Try again</Button>} />
      ) : !data ? (
        <div className="space-y-4" aria-label="Loading billing">
          <div className="grid gap-4 md:grid-cols-2">
            <Skeleton className="h-44" />
            <Skeleton className="h-44" />
          </div>
          <Skeleton className="h-72" />
        </div>
      ) : (
        <div className="space-y-8">
          <div className="grid gap-4 md:grid-cols-2">
            {data.subscription ? <PlanSummary sub={data.subscription} /> : <Card className="p-5 text-sm text-muted-foreground">No plan: choose one below.</Card>}
            <BalanceSummary billing={data} />
          </div>
          <RunwayList items={data.runway} />
          <PlanCards billing={data} />
          <div className="grid gap-4 lg:grid-cols-2">
            <RedeemForm />
            <ThresholdForm lowBalance={data.lowBalance} />
            {data.subscription ? <FallbackForm subscription={data.subscription} /> : null}
          </div>
          <LedgerTable firstPage={data.ledger} />
        </div>
      )}
    </>
  );
}
