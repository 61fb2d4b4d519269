"use client";

import * as React from "react";
import { Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { type BillingCycle } from "@/lib/billing/cycles";
import { planChange, toBillingCycle, type PlanChange, type PlanTerms, type SubscriptionTerms } from "@/lib/billing/plan-change";
import { formatUsd } from "@/lib/money";
import { cn } from "@/lib/utils";
import { formatDate, formatPlanRequests } from "@/lib/format";
import { ConfirmDialog } from "./confirm-dialog";
import { post, useBillingMutation, type Billing } from "./use-billing";

const cycles: Array<{ value: BillingCycle; label: string; per: string }> = [
  { value: "MONTHLY", label: "Monthly", per: "month" },
  { value: "QUARTERLY", label: "Quarterly", per: "quarter" },
  { value: "YEARLY", label: "Yearly", per: "year" },
];
const perWord = (c: BillingCycle) => cycles.find((x) => x.value === c)!.per;

type WirePlan = Billing["plans"][number];

const terms = (p: { id: string; name: string; rank: number; priceMonthly: number; cycleQuota: number }): PlanTerms => ({
  id: p.id,
  name: p.name,
  rank: p.rank,
  priceMonthly: BigInt(p.priceMonthly),
  cycleQuota: BigInt(p.cycleQuota),
});

function currentTerms(sub: NonNullable<Billing["subscription"]>): SubscriptionTerms {
  return {
    plan: terms(sub.plan),
    billingCycle: toBillingCycle(sub.billingCycle),
    cycleStart: new Date(sub.cycleStart),
    cycleEnd: new Date(sub.cycleEnd),
    cycleQuota: BigInt(sub.cycleQuota),
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    nextPlanId: sub.nextPlanId,
  };
}

/**
 * What choosing `plan` would do, computed with the same pure function the server runs, so the
 * confirmation can state the exact charge. null: it is the current plan and cycle.
 */
function preview(billing: Billing, plan: WirePlan, cycle: BillingCycle): PlanChange | null {
  try {
    return planChange(billing.subscription && currentTerms(billing.subscription), terms(plan), cycle, new Date());
  } catch {
    return null;
  }
}

function actionLabel(change: PlanChange, billing: Billing, plan: WirePlan): string {
  const current = billing.subscription?.plan;
  if (change.kind === "resume") return "Resume plan";
  if (change.kind === "upgrade") return `Upgrade to ${plan.name}`;
  if (change.kind === "schedule") return current && plan.rank < current.rank ? `Downgrade to ${plan.name}` : "Switch at renewal";
  return !current || current.priceMonthly === 0 ? `Choose ${plan.name}` : current.id === plan.id ? "Switch now" : `Upgrade to ${plan.name}`;
}

function Explanation({ change, billing, plan, cycle }: { change: PlanChange; billing: Billing; plan: WirePlan; cycle: BillingCycle }) {
  const sub = billing.subscription;
  const price = plan.prices[cycle];
  const cycleEnd = sub ? formatDate(sub.cycleEnd) : "";
  const short = Number(change.kind === "start" || change.kind === "upgrade" ? change.charge : 0n) > billing.balance;
  return (
    <>
      {change.kind === "start" ? (
        <p>
          {change.charge >= 0n ? `${formatUsd(change.charge)} comes out of your balance now` : `${formatUsd(-change.charge)} goes back into your balance now`} (
          {formatUsd(price)} per {perWord(cycle)}
          {change.credit > 0n ? `, less ${formatUsd(change.credit)} for the unused part of your ${sub?.plan.name} plan` : ""}). A new {perWord(cycle)} starts
          today with {formatPlanRequests(plan.cycleQuota)} plan requests, ending {formatDate(change.cycleEnd)}.
        </p>
      ) : change.kind === "upgrade" ? (
        <p>
          {formatUsd(change.charge)} comes out of your balance now for the rest of this cycle, and your quota rises to{" "}
          {formatPlanRequests(Number(change.cycleQuota))} plan requests at once. From {cycleEnd} it renews at {formatUsd(price)} per {perWord(cycle)}.
        </p>
      ) : change.kind === "schedule" ? (
        <p>
          Nothing changes now: you keep {sub?.plan.name} until {cycleEnd}. Then {plan.name} starts at {formatUsd(price)} per {perWord(cycle)}, paid from your balance on
          that day.
        </p>
      ) : (
        <p>
          Your {sub?.plan.name} plan continues past {cycleEnd} and renews then at {formatUsd(price)} per {perWord(cycle)}.
        </p>
      )}
      {short ? <p className="font-medium text-destructive">Your balance ({formatUsd(billing.balance)}) cannot pay this. Redeem a code first.</p> : null}
    </>
  );
}

/** Plans with monthly / quarterly / yearly prices and what choosing each would do. */
export function PlanCards({ billing }: { billing: Billing }) {
  const sub = billing.subscription;
  const [cycle, setCycle] = React.useState<BillingCycle>(sub && sub.plan.priceMonthly > 0 ? toBillingCycle(sub.billingCycle) : "MONTHLY");
  const [chosen, setChosen] = React.useState<{ plan: WirePlan; change: PlanChange } | null>(null);
  const [cancelling, setCancelling] = React.useState(false);
  const subscribe = useBillingMutation(
    (input: { plan: string; cycle: BillingCycle }) => post<{ change: PlanChange["kind"]; effectiveAt: string }>("/api/billing/subscribe", { plan: input.plan, cycle: input.cycle.toLowerCase() }),
    (out, input) => (out.change === "schedule" ? `Your plan changes on ${formatDate(out.effectiveAt)}.` : out.change === "resume" ? "Your plan will renew." : `You are now on ${input.plan}.`),
    () => setChosen(null),
  );
  const cancel = useBillingMutation(
    () => post<{ endsAt: string }>("/api/billing/cancel"),
    (out) => `Your plan ends on ${formatDate(out.endsAt)}; the Free plan follows.`,
    () => setCancelling(false),
  );

  return (
    <section aria-labelledby="plans-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="plans-heading" className="text-lg font-semibold tracking-tight">
            Plans
          </h2>
          <p className="text-sm text-muted-foreground">Upgrades apply at once with prorated quota; downgrades at the next renewal. Prices come out of your PAYG balance.</p>
        </div>
        <div role="group" aria-label="Billing cycle" className="inline-flex rounded-md border bg-muted/40 p-0.5">
          {cycles.map((c) => (
            <button
              key={c.value}
              type="button"
              aria-pressed={cycle === c.value}
              onClick={() => setCycle(c.value)}
              className={cn(
                "rounded px-3 py-1.5 text-sm font-medium text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                cycle === c.value && "bg-background text-foreground shadow-xs",
              )}
            >
              {c.label}
              {billing.discounts[c.value] ? <span className="ml-1 text-xs text-success">-{billing.discounts[c.value]}%</span> : null}
            </button>
          ))}
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        {billing.plans.map((plan) => {
          const change = preview(billing, plan, cycle);
          const isCurrent = sub?.plan.id === plan.id;
          const isNext = sub?.nextPlanId === plan.id;
          return (
            <Card key={plan.id} className={cn("flex flex-col", isCurrent && "border-primary ring-1 ring-primary")} role="group" aria-label={`${plan.name} plan`}>
              <CardHeader>
                <div className="flex items-center justify-between gap-2">
                  <CardTitle>{plan.name}</CardTitle>
                  {isCurrent ? <Badge>Current</Badge> : isNext ? <Badge variant="secondary">From {formatDate(sub!.cycleEnd)}</Badge> : null}
                </div>
                <p className="text-2xl font-semibold tracking-tight tabular-nums">
                  {plan.prices[cycle] === 0 ? "Free" : formatUsd(plan.prices[cycle])}
                  {plan.prices[cycle] ? <span className="text-sm font-normal text-muted-foreground"> / {perWord(cycle)}</span> : null}
                </p>
              </CardHeader>
              <CardContent className="flex-1">
                <ul className="space-y-1.5 text-sm">
                  {plan.features.map((f) => (
                    <li key={f} className="flex gap-2">
                      <Check className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
                      {f}
                    </li>
                  ))}
                </ul>
              </CardContent>
              <CardFooter className="flex-col items-stretch gap-2">
                {change ? (
                  <Button variant={change.kind === "schedule" ? "outline" : "default"} onClick={() => setChosen({ plan, change })}>
                    {actionLabel(change, billing, plan)}
                  </Button>
                ) : (
                  <Button variant="secondary" disabled>
                    {isCurrent ? "Your plan" : "Scheduled"}
                  </Button>
                )}
                {isCurrent && plan.priceMonthly > 0 && !sub?.cancelAtPeriodEnd ? (
                  <Button variant="ghost" size="sm" onClick={() => setCancelling(true)}>
                    Cancel plan
                  </Button>
                ) : null}
              </CardFooter>
            </Card>
          );
        })}
      </div>
      {chosen ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => (open ? undefined : (setChosen(null), subscribe.reset()))}
          title={`${actionLabel(chosen.change, billing, chosen.plan)}?`}
          confirmLabel={actionLabel(chosen.change, billing, chosen.plan)}
          pending={subscribe.isPending}
          error={subscribe.error}
          onConfirm={() => subscribe.mutate({ plan: chosen.plan.slug, cycle })}
        >
          <Explanation change={chosen.change} billing={billing} plan={chosen.plan} cycle={cycle} />
        </ConfirmDialog>
      ) : null}
      {sub ? (
        <ConfirmDialog
          open={cancelling}
          onOpenChange={(open) => (setCancelling(open), cancel.reset())}
          title={`Cancel your ${sub.plan.name} plan?`}
          confirmLabel="Cancel at period end"
          destructive
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate(undefined)}
        >
          <p>
            It keeps working until {formatDate(sub.cycleEnd)}, then your account moves to the Free plan. Nothing is refunded; you can resume any time before
            then.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
