import Link from "next/link";
import { AlertTriangle } from "lucide-react";
import { lowBalanceStatus } from "@/lib/billing/overview";
import { formatUsd } from "@/lib/money";

/**
 * Server component for the console layout: a strip under the top bar while the PAYG balance is
 * below the person's warning threshold (set on the billing page; $1 until they choose).
 */
export async function LowBalanceBanner({ userId }: { userId: string }) {
  const low = await lowBalanceStatus(userId);
  if (!low) return null;
  return (
    <div role="status" className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-warning/50 bg-warning/10 px-4 py-2.5 text-sm">
      <AlertTriangle className="size-4 shrink-0 text-warning" aria-hidden="true" />
      <p className="flex-1">
        <span className="font-medium">Your balance is low: {formatUsd(low.balance)}</span>
        <span className="text-muted-foreground"> (warning below {formatUsd(low.threshold)}). Requests stop when it runs out.</span>
      </p>
      <Link href="/billing#top-up" className="font-medium text-primary underline-offset-4 hover:underline">
        Top up on the billing page
      </Link>
    </div>
  );
}
