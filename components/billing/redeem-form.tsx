"use client";

import * as React from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatUsd } from "@/lib/money";
import { post, useBillingMutation } from "./use-billing";

/** Top up with a redemption code; each code works once. */
export function RedeemForm() {
  const [code, setCode] = React.useState("");
  const redeem = useBillingMutation(
    (c: string) => post<{ amount: number; balance: number }>("/api/billing/redeem", { code: c }),
    (out) => `Added ${formatUsd(out.amount)}. Your balance is now ${formatUsd(out.balance)}.`,
    () => setCode(""),
  );
  return (
    <Card id="top-up">
      <CardHeader>
        <CardTitle>Redeem a code</CardTitle>
        <CardDescription>Codes from the operator of this console add credit to your PAYG balance. It never expires.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            redeem.mutate(code);
          }}
        >
          <Field id="redeem-code" label="Redemption code" hint="Dashes and case do not matter.">
            <Input
              id="redeem-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="APX-XXXXX-XXXXX-XXXXX-XXXXX"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              aria-describedby={fieldMessageId("redeem-code")}
              required
            />
          </Field>
          {redeem.error ? <ErrorCallout error={redeem.error} /> : null}
          <Button type="submit" loading={redeem.isPending} disabled={!code.trim()}>
            Redeem
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
