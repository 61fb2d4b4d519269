"use client";

import * as React from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatUsd, microsToUsd, usdToMicros } from "@/lib/money";
import { post, useBillingMutation, type Billing } from "./use-billing";

const asNumber = (text: string) => (text.trim() === "" ? null : Number(text));

/** PAYG fallback: keep serving past the cycle quota, paid from the balance, up to a cap per cycle. */
export function FallbackForm({ subscription }: { subscription: NonNullable<Billing["subscription"]> }) {
  const [enabled, setEnabled] = React.useState(subscription.paygFallback);
  const [cap, setCap] = React.useState(subscription.paygCap === null ? "" : String(microsToUsd(subscription.paygCap)));
  const save = useBillingMutation(
    (input: { enabled: boolean; capUsd: number | null }) => post("/api/billing/fallback", input),
    (_, input) => (input.enabled ? `PAYG fallback is on${input.capUsd !== null ? `, capped at ${formatUsd(usdToMicros(input.capUsd))} per cycle` : ""}.` : "PAYG fallback is off."),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pay-as-you-go fallback</CardTitle>
        <CardDescription>
          When the {subscription.plan.name} plan&apos;s cycle quota runs out, requests with your subscription key can continue at PAYG prices instead of being
          refused. {formatUsd(subscription.paygUsed)} spent this way this cycle.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ enabled, capUsd: asNumber(cap) });
          }}
        >
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            Continue on PAYG when the cycle quota is used up
          </label>
          <Field id="payg-cap" label="Cap per cycle (USD)" hint="Leave empty for no cap.">
            <Input id="payg-cap" type="number" min={0} step="0.01" inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} disabled={!enabled} className="w-40" aria-describedby={fieldMessageId("payg-cap")} />
          </Field>
          {save.error ? <ErrorCallout error={save.error} /> : null}
          <Button type="submit" variant="outline" loading={save.isPending}>
            Save fallback
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

/** The balance under which the console shows a warning banner. */
export function ThresholdForm({ lowBalance }: { lowBalance: Billing["lowBalance"] }) {
  const [value, setValue] = React.useState(String(microsToUsd(lowBalance.threshold)));
  const save = useBillingMutation(
    (usd: number | null) => post("/api/billing/settings", { lowBalanceThresholdUsd: usd }, "PATCH"),
    (_, usd) => (usd === 0 ? "The low-balance warning is off." : usd === null ? "The default warning level applies." : `You will be warned below ${formatUsd(usdToMicros(usd))}.`),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Low-balance warning</CardTitle>
        <CardDescription>A banner shows across the console while your balance is below this amount. 0 turns it off.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(asNumber(value));
          }}
        >
          <Field id="low-balance" label="Warn below (USD)" hint={lowBalance.chosen === null ? "Default: $1.00." : undefined}>
            <Input id="low-balance" type="number" min={0} step="0.01" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} className="w-40" aria-describedby={fieldMessageId("low-balance")} />
          </Field>
          {save.error ? <ErrorCallout error={save.error} /> : null}
          <Button type="submit" variant="outline" loading={save.isPending}>
            Save warning
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
