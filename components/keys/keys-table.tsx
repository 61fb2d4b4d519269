"use client";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { KeyActions, KeyBadges, KeyStatusBadge, Meter, restrictionSummary, When, type KeyActionHandlers } from "./key-parts";
import type { PublicKey } from "./use-keys";

function NameCell({ keyItem }: { keyItem: PublicKey }) {
  const limits = restrictionSummary(keyItem);
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="max-w-56 truncate font-medium" title={keyItem.name}>
          {keyItem.name}
        </span>
        <KeyBadges keyItem={keyItem} />
      </div>
      {limits ? <p className="mt-0.5 max-w-64 truncate text-xs text-muted-foreground" title={limits}>{limits}</p> : null}
    </div>
  );
}

function KeyFragment({ keyItem }: { keyItem: PublicKey }) {
  return (
    <div className="whitespace-nowrap">
      <code className="rounded bg-muted/70 px-1.5 py-0.5 font-mono text-[12.5px]">{keyItem.display}</code>
      <p className="mt-1 text-xs text-muted-foreground">{keyItem.kind === "subscription" ? "Subscription" : "Standard"}</p>
    </div>
  );
}

/** The list as a table from the md breakpoint up, as cards below it (a 375 px phone). */
export function KeysTable({ keys, now, handlers }: { keys: PublicKey[]; now: number; handlers: KeyActionHandlers }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border bg-card shadow-xs md:block">
        <Table aria-label="API keys">
          <TableHeader className="bg-muted/40">
            <TableRow className="hover:bg-transparent">
              <TableHead className="pl-4">Name</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Used / quota</TableHead>
              <TableHead>This month</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Expires</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead className="w-12 pr-4">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((k) => (
              <TableRow key={k.id} data-key-id={k.id} className={cn(k.status === "revoked" && "text-muted-foreground [&_code]:line-through")}>
                <TableCell className="py-3 pl-4">
                  <NameCell keyItem={k} />
                </TableCell>
                <TableCell>
                  <KeyFragment keyItem={k} />
                </TableCell>
                <TableCell>
                  <KeyStatusBadge status={k.status} />
                </TableCell>
                <TableCell>
                  <Meter label={`Quota used by ${k.name}`} used={k.usedUsd} limit={k.quotaUsd} none="unlimited" />
                </TableCell>
                <TableCell>
                  <Meter label={`Monthly budget used by ${k.name}`} used={k.monthSpendUsd} limit={k.monthlyBudgetUsd} none="no budget" />
                </TableCell>
                <TableCell className="text-[13px]">
                  <When iso={k.createdAt} now={now} past />
                </TableCell>
                <TableCell className="text-[13px]">
                  <When iso={k.expiresAt} now={now} />
                </TableCell>
                <TableCell className="text-[13px]">
                  <When iso={k.lastUsedAt} now={now} past />
                </TableCell>
                <TableCell className="pr-3 text-right">
                  <KeyActions keyItem={k} handlers={handlers} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <ul aria-label="API keys" className="grid gap-3 md:hidden">
        {keys.map((k) => (
          <li key={k.id} data-key-id={k.id} aria-label={k.name} className={cn("rounded-lg border bg-card p-4 shadow-xs", k.status === "revoked" && "opacity-70")}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0 flex-1">
                <NameCell keyItem={k} />
                <code className="mt-1.5 inline-block rounded bg-muted/70 px-1.5 py-0.5 font-mono text-[12.5px]">{k.display}</code>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <KeyStatusBadge status={k.status} />
                <KeyActions keyItem={k} handlers={handlers} />
              </div>
            </div>
            <div className="mt-4 grid grid-cols-2 gap-4">
              <div>
                <p className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Used / quota</p>
                <Meter label={`Quota used by ${k.name}`} used={k.usedUsd} limit={k.quotaUsd} none="unlimited" />
              </div>
              <div>
                <p className="mb-1 text-[11px] font-medium uppercase tracking-wide text-muted-foreground">This month</p>
                <Meter label={`Monthly budget used by ${k.name}`} used={k.monthSpendUsd} limit={k.monthlyBudgetUsd} none="no budget" />
              </div>
            </div>
            <dl className="mt-4 grid grid-cols-3 gap-2 border-t pt-3 text-xs">
              {(
                [
                  ["Created", k.createdAt, true],
                  ["Expires", k.expiresAt, false],
                  ["Last used", k.lastUsedAt, true],
                ] as const
              ).map(([label, iso, past]) => (
                <div key={label} className="min-w-0">
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="mt-0.5 truncate">
                    <When iso={iso} now={now} past={past} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
