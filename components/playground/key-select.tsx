"use client";

import Link from "next/link";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { PublicKey } from "@/lib/keys";
import { formatCost } from "@/lib/playground/cost";
import { DEFAULT_KEY, usePlaygroundKey } from "./use-playground-key";

function limitText(key: PublicKey | undefined): string {
  if (!key) return "Your own key for the playgrounds, created on first use. Usage is metered like any key.";
  const parts: string[] = [];
  if (key.quotaUsd !== null) parts.push(`${formatCost(key.usedUsd)} of ${formatCost(key.quotaUsd)} quota used`);
  else parts.push(`${formatCost(key.usedUsd)} used, no quota limit`);
  if (key.monthlyBudgetUsd !== null) parts.push(`${formatCost(key.monthSpendUsd)} of ${formatCost(key.monthlyBudgetUsd)} this month`);
  if (key.allowedModels.length) parts.push(`${key.allowedModels.length} allowed model${key.allowedModels.length === 1 ? "" : "s"}`);
  return parts.join(" · ");
}

const STATUS_TEXT: Record<PublicKey["status"], string> = { active: "", disabled: "disabled", expired: "expired", revoked: "revoked" };

/** Which key the playground sends with: the playground key, or any of the person's own keys. */
export function KeySelect({ id = "pg-key" }: { id?: string }) {
  const { keyId, setKeyId, keys, selected } = usePlaygroundKey();
  const apiKeys = (keys.data ?? []).filter((k) => k.purpose === "api");
  return (
    <Field
      id={id}
      label="API key"
      hint={
        keys.isError ? (
          "Your keys could not be loaded; the playground key is used."
        ) : (
          <>
            {limitText(keyId ? selected : undefined)}{" "}
            <Link href="/keys" className="whitespace-nowrap font-medium text-primary underline-offset-4 hover:underline">
              Manage keys
            </Link>
          </>
        )
      }
    >
      <Select id={id} aria-describedby={fieldMessageId(id)} value={keyId} onChange={(e) => setKeyId(e.target.value)}>
        <option value={DEFAULT_KEY}>Playground key (default)</option>
        {apiKeys.map((k) => (
          <option key={k.id} value={k.id} disabled={k.status !== "active"}>
            {k.name} ({k.display}){k.status !== "active" ? ` - ${STATUS_TEXT[k.status]}` : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
}
