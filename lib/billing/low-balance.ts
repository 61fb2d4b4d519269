// When the console warns that the PAYG balance is low. Plain module: the banner, the billing page
// and the settings route agree on one default.
import { usdToMicros } from "@/lib/money";

/** Used until a person chooses a threshold; 0 turns the warning off. */
export const DEFAULT_LOW_BALANCE = usdToMicros(1);

export function lowBalanceThreshold(chosen: bigint | null): bigint {
  return chosen ?? DEFAULT_LOW_BALANCE;
}

export function isLowBalance(balance: bigint, chosen: bigint | null): boolean {
  const threshold = lowBalanceThreshold(chosen);
  return threshold > 0n && balance < threshold;
}
