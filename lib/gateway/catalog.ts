import "server-only";
import { db } from "@/lib/db";
import { on } from "@/lib/events";
import { log } from "@/lib/log";
import type { PlanRecord, PriceRecord } from "./types";

const TTL_MS = 60_000;

/** Prices and plans, cached in memory and reloaded on change or after a minute. */
export class CatalogCache {
  private prices = new Map<string, PriceRecord>();
  private plans = new Map<string, PlanRecord>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor() {
    on("catalogChanged", () => {
      this.loadedAt = 0;
    });
  }

  async ready(): Promise<void> {
    if (Date.now() - this.loadedAt < TTL_MS) return;
    const first = this.loadedAt === 0;
    this.loading ??= this.load()
      .catch((err: unknown) => {
        // A stale catalog is still usable (the database may be down for a while); a missing one is not.
        if (first) throw err;
        log.warn("catalog reload failed; keeping the cached prices", { error: (err as Error).message });
      })
      .finally(() => {
        this.loading = null;
      });
    if (first) await this.loading;
  }

  private async load(): Promise<void> {
    const [prices, plans] = await Promise.all([
      db.modelPrice.findMany({ where: { active: true } }),
      db.plan.findMany({ select: { id: true, slug: true, name: true, rank: true, rpm: true, tpm: true } }),
    ]);
    this.prices = new Map(
      prices.map((p) => [
        p.model,
        {
          model: p.model,
          ownedBy: p.ownedBy,
          modality: p.modality as PriceRecord["modality"],
          contextLength: p.contextLength,
          inputPrice: p.inputPrice,
          outputPrice: p.outputPrice,
          imagePrices: JSON.parse(p.imagePrices) as Record<string, number>,
          charPrice: p.charPrice,
          minutePrice: p.minutePrice,
          tier: p.tier,
          multiplier: p.multiplier,
          created: Math.floor(p.createdAt.getTime() / 1000),
        },
      ]),
    );
    // In place: cached accounts hold these records, and must see a plan's new limits at once.
    this.plans = new Map(plans.map((p) => [p.id, Object.assign(this.plans.get(p.id) ?? {}, p)]));
    this.loadedAt = Date.now();
  }

  price(model: string): PriceRecord | undefined {
    return this.prices.get(model);
  }

  allPrices(): PriceRecord[] {
    return [...this.prices.values()];
  }

  plan(id: string): PlanRecord | undefined {
    return this.plans.get(id);
  }
}
