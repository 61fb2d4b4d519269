"use client";

// Small pieces shared by the keys table and the phone-width cards.
import * as React from "react";
import { Ban, MoreHorizontal, Pencil, Power, RefreshCw, Trash2 } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { KeyStatus } from "@/lib/keys";
import { cn } from "@/lib/utils";
import { exactTime, relativeTime, usd, usedShare } from "./format";
import type { PublicKey } from "./use-keys";

/** Re-renders every minute so "5 minutes ago" stays true while the page is open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

const statusStyle: Record<KeyStatus, { label: string; variant: BadgeVariant; dot: string }> = {
  active: { label: "Active", variant: "success", dot: "bg-success" },
  disabled: { label: "Disabled", variant: "secondary", dot: "bg-muted-foreground" },
  expired: { label: "Expired", variant: "warning", dot: "bg-warning" },
  revoked: { label: "Revoked", variant: "destructive", dot: "bg-destructive" },
};

export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  const s = statusStyle[status];
  return (
    <Badge variant={s.variant} data-status={status}>
      <span className={cn("size-1.5 rounded-full", s.dot)} aria-hidden="true" />
      {s.label}
    </Badge>
  );
}

export function KeyBadges({ keyItem }: { keyItem: PublicKey }) {
  return (
    <>
      {keyItem.kind === "subscription" ? (
        <Badge variant="default" title="Billed against your subscription's cycle quota">
          Subscription
        </Badge>
      ) : null}
      {keyItem.purpose === "playground" ? (
        <Badge variant="secondary" title="The key the playgrounds in this console use">
          Playground
        </Badge>
      ) : null}
    </>
  );
}

/** "gpt-4o-mini · 2 IP rules · 60 RPM": what the key is limited to, in a line. */
export function restrictionSummary(key: PublicKey): string | null {
  const parts: string[] = [];
  const m = key.allowedModels;
  if (m.length) parts.push(m.length === 1 ? m[0]! : `${m.length} models`);
  if (key.allowedIps.length) parts.push(`${key.allowedIps.length} IP rule${key.allowedIps.length === 1 ? "" : "s"}`);
  if (key.rpmLimit) parts.push(`${key.rpmLimit.toLocaleString("en-US")} RPM`);
  if (key.tpmLimit) parts.push(`${key.tpmLimit.toLocaleString("en-US")} TPM`);
  return parts.length ? parts.join(" · ") : null;
}

/** A relative time with the exact one as its title. `now` ticks each minute; a time just stamped by
 * the server can be a moment ahead of it, so a time in the past (`past`) never reads "in a moment". */
export function When({ iso, now, past = false, empty = "Never" }: { iso: string | null; now: number; past?: boolean; empty?: string }) {
  if (!iso) return <span className="text-muted-foreground">{empty}</span>;
  const at = past ? Math.max(now, Date.parse(iso)) : now;
  return (
    <time dateTime={iso} title={exactTime(iso)} className="whitespace-nowrap">
      {relativeTime(iso, at)}
    </time>
  );
}

/** Spend against a limit, with a thin bar; "unlimited" / "no budget" when there is none. */
export function Meter({ label, used, limit, none }: { label: string; used: number; limit: number | null; none: string }) {
  const share = usedShare(used, limit);
  const tone = share === null ? "" : share >= 1 ? "bg-destructive" : share >= 0.8 ? "bg-warning" : "bg-primary";
  return (
    <div className="min-w-28">
      <div className="flex items-baseline gap-1 whitespace-nowrap text-[13px] tabular-nums">
        <span className="font-medium">{usd(used)}</span>
        <span className="text-muted-foreground">{limit === null ? `· ${none}` : `/ ${usd(limit)}`}</span>
      </div>
      {share !== null ? (
        <div
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit ?? 0}
          aria-valuenow={Math.min(used, limit ?? used)}
          aria-valuetext={`${usd(used)} of ${usd(limit ?? 0)}`}
          className="mt-1.5 h-1 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className={cn("h-full rounded-full transition-[width]", tone)} style={{ width: `${Math.max(share * 100, used > 0 ? 2 : 0)}%` }} />
        </div>
      ) : null}
    </div>
  );
}

export interface KeyActionHandlers {
  onEdit: (key: PublicKey) => void;
  onToggle: (key: PublicKey) => void;
  onRotate: (key: PublicKey) => void;
  onRevoke: (key: PublicKey) => void;
}

export function KeyActions({ keyItem, handlers }: { keyItem: PublicKey; handlers: KeyActionHandlers }) {
  if (keyItem.status === "revoked") return <span className="sr-only">No actions: revoked</span>;
  const disabled = keyItem.status === "disabled";
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${keyItem.name}`}>
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuItem onSelect={() => handlers.onEdit(keyItem)}>
          <Pencil aria-hidden="true" /> Edit
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => handlers.onToggle(keyItem)}>
          {disabled ? <Power aria-hidden="true" /> : <Ban aria-hidden="true" />} {disabled ? "Enable" : "Disable"}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => handlers.onRotate(keyItem)}>
          <RefreshCw aria-hidden="true" /> Rotate secret
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        {keyItem.kind === "subscription" ? (
          <p className="px-2 py-1.5 text-xs leading-snug text-muted-foreground">
            A subscription key can’t be revoked: it lasts as long as your subscription. Rotate it, or cancel the plan on the Billing page.
          </p>
        ) : (
          <DropdownMenuItem className="text-destructive data-[highlighted]:bg-destructive/10 data-[highlighted]:text-destructive" onSelect={() => handlers.onRevoke(keyItem)}>
            <Trash2 aria-hidden="true" /> Revoke
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
