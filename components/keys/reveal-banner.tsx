"use client";

import { KeyRound, RefreshCw, ShieldQuestion, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { PublicKey } from "./use-keys";

/** A reveal was refused because the secret was already shown (say, in another tab): offer a rotation. */
export function AlreadyShownBanner({ keyItem, onRotate, onDismiss }: { keyItem: PublicKey; onRotate: () => void; onDismiss: () => void }) {
  return (
    <section aria-label={`${keyItem.name} key`} className="flex flex-col gap-3 rounded-lg border border-warning/50 bg-warning/8 p-4 sm:flex-row sm:items-center">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-warning/15 text-warning">
        <ShieldQuestion className="size-4" aria-hidden="true" />
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-semibold">The secret of “{keyItem.name}” was already shown</h2>
        <p className="mt-0.5 text-sm text-muted-foreground">A secret is shown only once. Rotate the key to get a new one; the old secret stops working at once.</p>
      </div>
      <div className="flex shrink-0 items-center gap-1">
        <Button size="sm" variant="outline" onClick={onRotate}>
          <RefreshCw aria-hidden="true" /> Rotate to get a new secret
        </Button>
        <Button size="icon-sm" variant="ghost" aria-label="Dismiss" onClick={onDismiss}>
          <X aria-hidden="true" />
        </Button>
      </div>
    </section>
  );
}

/**
 * The `default` and subscription keys are made at sign-up, before anyone could see their secret.
 * One banner lists them, each with its one reveal.
 */
export function RevealBanner({ keys, pendingId, onReveal }: { keys: PublicKey[]; pendingId: string | null; onReveal: (key: PublicKey) => void }) {
  const lead = keys.find((k) => k.name === "default") ?? keys[0];
  if (!lead) return null;
  const many = keys.length > 1;
  return (
    <section
      aria-label="Keys ready to reveal"
      className="flex gap-3 rounded-lg border border-primary/30 bg-gradient-to-r from-primary/10 via-primary/5 to-transparent p-4"
    >
      <span className="hidden size-9 shrink-0 items-center justify-center rounded-full bg-primary/15 text-primary sm:flex">
        <KeyRound className="size-4" aria-hidden="true" />
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="text-sm font-semibold">Your {lead.name} key is ready</h2>
        <p className="mt-0.5 text-sm text-muted-foreground">
          {many ? "These keys were made with your account and nobody has seen their secrets yet." : "It was made with your account and nobody has seen its secret yet."} Reveal{" "}
          {many ? "each" : "it"} once and store it somewhere safe.
        </p>
        <ul className="mt-3 divide-y overflow-hidden rounded-md border bg-card">
          {keys.map((k) => (
            <li key={k.id} aria-label={k.name} className="flex items-center gap-3 px-3 py-2">
              <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-0.5">
                <span className="truncate text-sm font-medium">{k.name}</span>
                <code className="font-mono text-xs text-muted-foreground">{k.display}</code>
                {k.kind === "subscription" ? <span className="hidden text-xs text-muted-foreground sm:inline">· counts against your plan&apos;s quota</span> : null}
              </div>
              <Button size="sm" loading={pendingId === k.id} disabled={pendingId !== null && pendingId !== k.id} onClick={() => onReveal(k)}>
                Reveal key
              </Button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
