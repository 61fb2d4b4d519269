import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Billing" };

export default function BillingPage() {
  return (
    <NotBuiltYet
      title="Billing"
      summary="Your plan and its cycle quota, plan changes, your pay-as-you-go balance, redemption codes and the ledger of every balance change will be here."
    />
  );
}
