// Database side of the benchmark, run as a child with the console's own env and
// `node --conditions=react-server --import tsx` (lib/ is server-only):
//   setup  seeds the fresh database as the server would, adds a non-public "bench" plan (the
//          seeded plans stop at 6,000 requests/min, too low for a throughput test), a user on it and
//          two real standard keys with quota and monthly budget set, so every check runs. Prints JSON.
//   count <keyId>...  prints usage rows per key, by status and stream flag, for the metering check.
import { db, prepareDatabase } from "@/lib/db";
import { seed } from "@/lib/seed";
import { createUser } from "@/lib/accounts/users";
import { insertKey } from "@/lib/keys/store";
import { usdToMicros } from "@/lib/money";

export interface BenchAccounts {
  userId: string;
  /** Used by the load generator and the one-connection latency rounds. */
  load: { id: string; secret: string };
  /** Used only by the streaming tests, so its usage rows can be compared exactly. */
  stream: { id: string; secret: string };
}

export interface UsageCount {
  total: number;
  byStatus: Record<string, number>;
  streamed200: number;
}

async function setup(): Promise<BenchAccounts> {
  await prepareDatabase();
  await seed();
  const plan = await db.plan.create({
    data: { slug: "bench", name: "Bench", rank: 4, priceMonthly: 0n, cycleQuota: 10n ** 12n, rpm: 10_000_000, tpm: 10_000_000, public: false },
  });
  const user = await createUser({ email: "bench@bench.local", password: "bench-password-1", creditUsd: 1_000_000 });
  await db.subscription.updateMany({ where: { userId: user.id }, data: { planId: plan.id, cycleQuota: plan.cycleQuota } });
  const limits = { quotaLimit: usdToMicros(100_000), monthlyBudget: usdToMicros(100_000), rpmLimit: null, tpmLimit: null };
  const load = await db.$transaction((tx) => insertKey(tx, { userId: user.id, name: "bench-load", ...limits }));
  const stream = await db.$transaction((tx) => insertKey(tx, { userId: user.id, name: "bench-stream", ...limits }));
  return {
    userId: user.id,
    load: { id: load.key.id, secret: load.secret },
    stream: { id: stream.key.id, secret: stream.secret },
  };
}

async function count(keyIds: string[]): Promise<Record<string, UsageCount>> {
  const groups = await db.usageLog.groupBy({ by: ["keyId", "status", "stream"], where: { keyId: { in: keyIds } }, _count: { _all: true } });
  const out: Record<string, UsageCount> = Object.fromEntries(keyIds.map((id) => [id, { total: 0, byStatus: {}, streamed200: 0 }]));
  for (const g of groups) {
    const c = out[g.keyId]!;
    const n = g._count._all;
    c.total += n;
    c.byStatus[g.status] = (c.byStatus[g.status] ?? 0) + n;
    if (g.stream && g.status === 200) c.streamed200 += n;
  }
  return out;
}

const [command, ...args] = process.argv.slice(2);
const result = command === "setup" ? await setup() : command === "count" ? await count(args) : null;
if (!result) {
  console.error("usage: db-setup.ts setup | count <keyId>...");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
await db.$disconnect();
