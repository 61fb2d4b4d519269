// Subscription plans (Apertis changelog 2026-04). Cycle quota is counted in plan requests: a call
// to a model with multiplier 1 uses one, see lib/catalog/models.ts. Rate limits follow the
// documented 3,000 requests/min per key, scaled by the plan multiplier (Lite 1x, Pro 1.5x, Max 2x).
export interface PlanDef {
  slug: string;
  name: string;
  rank: number;
  priceUsd: number;
  cycleRequests: number;
  rpm: number;
  tpm: number;
  rateMultiplier: number;
  features: string[];
  public: boolean;
}

export const plans: readonly PlanDef[] = [
  { slug: "free", name: "Free", rank: 0, priceUsd: 0, cycleRequests: 100, rpm: 60, tpm: 200_000, rateMultiplier: 1, public: true,
    features: ["Free-tier models", "60 requests/min", "Pay-as-you-go for everything else"] },
  { slug: "lite", name: "Lite", rank: 1, priceUsd: 12, cycleRequests: 600, rpm: 3_000, tpm: 2_000_000, rateMultiplier: 1, public: true,
    features: ["Lite + Free models", "600 plan requests per cycle", "3,000 requests/min"] },
  { slug: "pro", name: "Pro", rank: 2, priceUsd: 25, cycleRequests: 900, rpm: 4_500, tpm: 3_000_000, rateMultiplier: 1.5, public: true,
    features: ["Pro + Lite + Free models", "900 plan requests per cycle", "4,500 requests/min"] },
  { slug: "plus", name: "Plus", rank: 3, priceUsd: 60, cycleRequests: 1_500, rpm: 5_250, tpm: 3_500_000, rateMultiplier: 1.75, public: true,
    features: ["Plus + Pro + Lite + Free models", "1,500 plan requests per cycle", "5,250 requests/min"] },
  { slug: "max", name: "Max", rank: 4, priceUsd: 100, cycleRequests: 5_000, rpm: 6_000, tpm: 4_000_000, rateMultiplier: 2, public: true,
    features: ["Every model", "5,000 plan requests per cycle", "6,000 requests/min"] },
];

export const DEFAULT_PLAN_SLUG = "free";
