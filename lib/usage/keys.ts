import "server-only";
import { db } from "@/lib/db";

export interface KeyLabel {
  id: string;
  name: string;
  display: string;
  kind: string;
  purpose: string;
  revoked: boolean;
}

/**
 * Names for every key the user ever had, revoked ones included: usage rows keep pointing at revoked
 * keys, and a table that dropped them would not add up. A user has tens of keys, not thousands.
 */
export async function keyLabels(userId: string): Promise<Map<string, KeyLabel>> {
  const rows = await db.apiKey.findMany({
    where: { userId },
    select: { id: true, name: true, display: true, kind: true, purpose: true, revokedAt: true },
    orderBy: { createdAt: "asc" },
  });
  return new Map(rows.map((k) => [k.id, { id: k.id, name: k.name, display: k.display, kind: k.kind, purpose: k.purpose, revoked: k.revokedAt !== null }]));
}

/** What a person reads for a key: its name, with "(revoked)" when it no longer works. */
export function keyTitle(label: KeyLabel | undefined, keyId: string): string {
  if (!label) return `Deleted key ${keyId.slice(-6)}`;
  return label.revoked ? `${label.name} (revoked)` : label.name;
}
