import "server-only";
import { log } from "@/lib/log";
import { renewDueSubscriptions } from "./subscription-actions";

/** The first run comes soon after start, so periods that ended while the server was down roll over. */
const FIRST_RUN_MS = 5_000;

export interface RenewalJob {
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Renews due subscriptions on a timer, so a period rolls over (or falls back to the Free plan) when
 * it ends even if nobody opens the billing page: until then the gateway refuses the subscription key.
 * Runs never overlap; every process may run this, since a renewal claims its period conditionally
 * and charges once. The timer is unref'd so it never holds the process open, and a failed run is
 * logged and retried at the next tick rather than crashing the server.
 */
export function startRenewalJob(intervalMs: number): RenewalJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function run() {
    try {
      const renewed = await renewDueSubscriptions();
      if (renewed > 0) log.info("subscriptions renewed", { renewed });
    } catch (err) {
      log.error("subscription renewal failed", { err });
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  }

  schedule(Math.min(FIRST_RUN_MS, intervalMs));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
