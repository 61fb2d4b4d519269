// Subscription periods roll over on the server's own timer, with no billing visit: a second console
// process on the suite's database renews every 200 ms; the suite's main server hears of it through
// the same-host event relay.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startConsole, type ConsoleProcess } from "../support/console-process";
import { fixtures, uniqueEmail } from "../support/fixtures";

const consoleUrl = inject("consoleUrl");
const DAY_MS = 24 * 60 * 60 * 1000;

let f: Awaited<ReturnType<typeof fixtures>>;
let renewer: ConsoleProcess;

beforeAll(async () => {
  f = await fixtures();
  const upstream = new URL(inject("upstreamUrl"));
  renewer = await startConsole(
    {
      DATA_DIR: inject("dataDir"),
      DATABASE_URL: inject("databaseUrl"),
      APERTIS_API_KEY: "",
      APERTIS_BASE_URL: upstream.toString(),
      LOCAL_UPSTREAM_PORT: upstream.port,
      RENEWAL_INTERVAL_MS: "200",
    },
    3300 + (process.pid % 100),
  );
}, 120_000);

afterAll(async () => {
  await renewer?.stop();
});

async function credits(secret: string) {
  const res = await fetch(`${consoleUrl}/v1/dashboard/billing/credits`, { headers: { authorization: `Bearer ${secret}` } });
  return (await res.json()) as { subscription: { plan_type: string; cycle_end: string } };
}

describe("subscription renewal", () => {
  it("renews a subscription whose period has ended without anyone opening the billing page", async () => {
    const user = await f.makeUser(uniqueEmail("renew"), { creditUsd: 50, plan: "lite" });
    const { secret } = await f.makeKey(user.id, { name: "credits" });
    const before = await credits(secret); // the main server now caches the current period
    expect(before.subscription.plan_type).toBe("lite");

    const ended = new Date(Date.now() - 60_000);
    const sub = await f.db.subscription.findFirstOrThrow({ where: { userId: user.id } });
    await f.db.subscription.update({ where: { id: sub.id }, data: { cycleStart: new Date(ended.getTime() - 30 * DAY_MS), cycleEnd: ended, cycleUsed: 42n } });

    await expect.poll(async () => (await f.db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).cycleEnd.getTime(), { timeout: 10_000 }).toBeGreaterThan(Date.now());
    const renewed = await f.db.subscription.findUniqueOrThrow({ where: { id: sub.id }, include: { plan: true } });
    expect(renewed.plan.slug).toBe("lite");
    expect(renewed.cycleStart.getTime()).toBe(ended.getTime());
    expect(renewed.cycleUsed).toBe(0n);
    const charges = await f.db.ledgerEntry.findMany({ where: { userId: user.id, kind: "SUBSCRIPTION" } });
    expect(charges.map((c) => [c.amount, c.note])).toEqual([[-12_000_000n, "Lite plan renewal, monthly"]]);
    expect((await f.db.user.findUniqueOrThrow({ where: { id: user.id } })).balance).toBe(38_000_000n);

    await expect.poll(async () => (await credits(secret)).subscription.cycle_end, { timeout: 5_000 }).toBe(renewed.cycleEnd.toISOString());
  });
});
