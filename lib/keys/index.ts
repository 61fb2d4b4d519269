import "server-only";
import { db, type Prisma } from "@/lib/db";
import { emit } from "@/lib/events";
import { ApiError, parseInput } from "@/lib/errors";
import { budgetPeriodStart } from "@/lib/billing/cycles";
import { microsToUsd, usdToMicros } from "@/lib/money";
import type { ApiKey } from "@/generated/prisma/client";
import { createKeySchema, updateKeySchema } from "./schema";
import { insertKey, replaceSecret } from "./store";

import { MAX_ACTIVE_KEYS } from "./limits";

export { MAX_ACTIVE_KEYS };

export type KeyStatus = "active" | "disabled" | "expired" | "revoked";

/** What the browser may see of a key: never the hash, never a secret. */
export interface PublicKey {
  id: string;
  name: string;
  kind: "standard" | "subscription";
  purpose: "api" | "playground";
  display: string;
  status: KeyStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  quotaUsd: number | null;
  usedUsd: number;
  monthlyBudgetUsd: number | null;
  budgetResetDay: number;
  monthSpendUsd: number;
  allowedModels: string[];
  allowedIps: string[];
  rpmLimit: number | null;
  tpmLimit: number | null;
  revealPending: boolean;
}

function statusOf(k: ApiKey, now = Date.now()): KeyStatus {
  if (k.revokedAt) return "revoked";
  if (k.expiresAt && k.expiresAt.getTime() <= now) return "expired";
  return k.status === "DISABLED" ? "disabled" : "active";
}

function toPublic(k: ApiKey, monthSpend: bigint): PublicKey {
  return {
    id: k.id,
    name: k.name,
    kind: k.kind === "SUBSCRIPTION" ? "subscription" : "standard",
    purpose: k.purpose === "PLAYGROUND" ? "playground" : "api",
    display: k.display,
    status: statusOf(k),
    createdAt: k.createdAt.toISOString(),
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    quotaUsd: k.quotaLimit === null ? null : microsToUsd(k.quotaLimit),
    usedUsd: microsToUsd(k.quotaUsed),
    monthlyBudgetUsd: k.monthlyBudget === null ? null : microsToUsd(k.monthlyBudget),
    budgetResetDay: k.budgetResetDay,
    monthSpendUsd: microsToUsd(monthSpend),
    allowedModels: JSON.parse(k.allowedModels) as string[],
    allowedIps: JSON.parse(k.allowedIps) as string[],
    rpmLimit: k.rpmLimit,
    tpmLimit: k.tpmLimit,
    revealPending: k.revealPending,
  };
}

/** This budget month's spend per key, from the hourly rollup (one grouped query for the list). */
async function monthSpend(keys: ApiKey[]): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  const now = new Date();
  const byDay = new Map<number, string[]>();
  for (const k of keys) byDay.set(k.budgetResetDay, [...(byDay.get(k.budgetResetDay) ?? []), k.id]);
  for (const [day, ids] of byDay) {
    const rows = await db.usageRollup.groupBy({
      by: ["keyId"],
      where: { keyId: { in: ids }, hour: { gte: budgetPeriodStart(now, day) } },
      _sum: { cost: true },
    });
    for (const r of rows) out.set(r.keyId, r._sum.cost ?? 0n);
  }
  return out;
}

async function ownedKey(userId: string, id: string): Promise<ApiKey> {
  const key = await db.apiKey.findFirst({ where: { id, userId } });
  // Someone else's key is "not found", never "forbidden": its existence is not revealed.
  if (!key) throw new ApiError("not_found", "No such API key.");
  return key;
}

async function knownModels(models: string[] | undefined): Promise<void> {
  if (!models?.length) return;
  const found = await db.modelPrice.findMany({ where: { model: { in: models } }, select: { model: true } });
  const missing = models.filter((m) => !found.some((f) => f.model === m));
  if (missing.length) throw new ApiError("invalid_parameter", `Unknown model: ${missing.join(", ")}.`, { param: "allowedModels" });
}

export interface PlanLimits {
  planName: string;
  rpm: number;
  tpm: number;
}

/**
 * The rate limits of the user's current plan (the newest active or cancelled subscription): the
 * ceiling for a key's RPM / TPM override, and what the key form shows beside it.
 */
export async function planLimitsFor(userId: string): Promise<PlanLimits | null> {
  const sub = await db.subscription.findFirst({
    where: { userId, status: { in: ["ACTIVE", "CANCELLED"] } },
    orderBy: { createdAt: "desc" },
    select: { plan: { select: { name: true, rpm: true, tpm: true } } },
  });
  return sub ? { planName: sub.plan.name, rpm: sub.plan.rpm, tpm: sub.plan.tpm } : null;
}

/** A key's RPM / TPM override may lower the plan's limit, never raise it. */
async function withinPlan(userId: string, rpm: number | null | undefined, tpm: number | null | undefined): Promise<void> {
  if (!rpm && !tpm) return;
  const plan = await planLimitsFor(userId);
  if (rpm && plan && rpm > plan.rpm) throw new ApiError("invalid_parameter", `RPM limit cannot exceed your plan's ${plan.rpm}.`, { param: "rpmLimit" });
  if (tpm && plan && tpm > plan.tpm) throw new ApiError("invalid_parameter", `TPM limit cannot exceed your plan's ${plan.tpm}.`, { param: "tpmLimit" });
}

function changed(key: Pick<ApiKey, "id" | "hash">) {
  emit("keyChanged", { keyId: key.id, hash: key.hash });
}

export async function listApiKeys(userId: string, opts: { includeRevoked?: boolean } = {}): Promise<PublicKey[]> {
  const keys = await db.apiKey.findMany({
    where: { userId, ...(opts.includeRevoked ? {} : { revokedAt: null }) },
    orderBy: { createdAt: "desc" },
  });
  const spend = await monthSpend(keys);
  return keys.map((k) => toPublic(k, spend.get(k.id) ?? 0n));
}

export async function getApiKey(userId: string, id: string): Promise<PublicKey> {
  const key = await ownedKey(userId, id);
  const spend = await monthSpend([key]);
  return toPublic(key, spend.get(key.id) ?? 0n);
}

export async function createApiKey(userId: string, raw: unknown): Promise<{ key: PublicKey; secret: string }> {
  const input = parseInput(createKeySchema, raw);
  await knownModels(input.allowedModels);
  await withinPlan(userId, input.rpmLimit, input.tpmLimit);
  const { key, secret } = await db.$transaction(async (tx: Prisma.TransactionClient) => {
    // Counted in the same transaction as the insert, so parallel creates cannot pass the cap.
    const active = await tx.apiKey.count({ where: { userId, revokedAt: null, purpose: "API" } });
    if (active >= MAX_ACTIVE_KEYS) throw new ApiError("conflict", `You have ${MAX_ACTIVE_KEYS} active keys, the most allowed. Revoke one first.`);
    return insertKey(tx, {
      userId,
      name: input.name,
      expiresAt: input.expiresAt ?? null,
      quotaLimit: input.quotaUsd == null ? null : usdToMicros(input.quotaUsd),
      monthlyBudget: input.monthlyBudgetUsd == null ? null : usdToMicros(input.monthlyBudgetUsd),
      budgetResetDay: input.budgetResetDay,
      allowedModels: input.allowedModels,
      allowedIps: input.allowedIps,
      rpmLimit: input.rpmLimit ?? null,
      tpmLimit: input.tpmLimit ?? null,
    });
  });
  return { key: toPublic(key, 0n), secret };
}

export async function updateApiKey(userId: string, id: string, raw: unknown): Promise<PublicKey> {
  const input = parseInput(updateKeySchema, raw);
  const key = await ownedKey(userId, id);
  if (key.revokedAt) throw new ApiError("conflict", "This key is revoked and can no longer be changed.");
  await knownModels(input.allowedModels);
  await withinPlan(userId, input.rpmLimit, input.tpmLimit);
  const data: Prisma.ApiKeyUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.status !== undefined) data.status = input.status;
  if (input.expiresAt !== undefined) data.expiresAt = input.expiresAt;
  if (input.quotaUsd !== undefined) data.quotaLimit = input.quotaUsd === null ? null : usdToMicros(input.quotaUsd);
  if (input.monthlyBudgetUsd !== undefined) data.monthlyBudget = input.monthlyBudgetUsd === null ? null : usdToMicros(input.monthlyBudgetUsd);
  if (input.budgetResetDay !== undefined) data.budgetResetDay = input.budgetResetDay;
  if (input.allowedModels !== undefined) data.allowedModels = JSON.stringify(input.allowedModels);
  if (input.allowedIps !== undefined) data.allowedIps = JSON.stringify(input.allowedIps);
  if (input.rpmLimit !== undefined) data.rpmLimit = input.rpmLimit;
  if (input.tpmLimit !== undefined) data.tpmLimit = input.tpmLimit;
  const updated = await db.apiKey.update({ where: { id: key.id }, data });
  changed(updated);
  return getApiKey(userId, id);
}

export async function rotateApiKey(userId: string, id: string): Promise<{ key: PublicKey; secret: string }> {
  const key = await ownedKey(userId, id);
  if (key.revokedAt) throw new ApiError("conflict", "This key is revoked; create a new key instead.");
  const { key: updated, secret } = await db.$transaction((tx) => replaceSecret(tx, key.id, key.kind === "SUBSCRIPTION" ? "SUBSCRIPTION" : "STANDARD"));
  changed(key); // the old hash must stop working at once
  return { key: await getApiKey(userId, updated.id), secret };
}

/** The `default` and subscription keys are created without anyone seeing their secret: show it once. */
export async function revealPendingKey(userId: string, id: string): Promise<{ key: PublicKey; secret: string }> {
  const key = await ownedKey(userId, id);
  // Conditional update: of two racing reveals, exactly one wins.
  const claimed = await db.apiKey.updateMany({ where: { id: key.id, revealPending: true, revokedAt: null }, data: { revealPending: false } });
  if (claimed.count === 0) throw new ApiError("conflict", "This key's secret was already shown. Rotate the key to get a new one.");
  return rotateApiKey(userId, id);
}

export async function revokeApiKey(userId: string, id: string): Promise<PublicKey> {
  const key = await ownedKey(userId, id);
  if (key.kind === "SUBSCRIPTION") throw new ApiError("conflict", "A subscription key lives as long as its subscription. Rotate it, or cancel the subscription on the billing page.");
  if (!key.revokedAt) {
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    changed(key);
  }
  return getApiKey(userId, id);
}

/** The key the playgrounds use when the person picks none: created on first use, metered like any other. */
export async function ensurePlaygroundKey(userId: string): Promise<string> {
  const existing = await db.apiKey.findFirst({ where: { userId, purpose: "PLAYGROUND", revokedAt: null }, select: { id: true } });
  if (existing) return existing.id;
  const { key } = await db.$transaction((tx) => insertKey(tx, { userId, name: "Playground", purpose: "PLAYGROUND" }));
  return key.id;
}

/** Checks that a key the playground was asked to use belongs to the user and is usable. */
export async function playgroundKeyFor(userId: string, keyId: string | undefined | null): Promise<string> {
  if (!keyId) return ensurePlaygroundKey(userId);
  const key = await ownedKey(userId, keyId);
  return key.id;
}
