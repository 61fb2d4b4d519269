"use client";

import * as React from "react";
import { Popover } from "radix-ui";
import { Check, ChevronsUpDown, Search } from "lucide-react";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import type { CatalogPrice } from "@/lib/catalog/prices";
import { cn } from "@/lib/utils";

export interface ModelPickerProps {
  id: string;
  label?: string;
  models: CatalogPrice[];
  value: string;
  onChange: (model: string) => void;
  /** Ids the chosen key may call; undefined while unknown (everything is offered). */
  allowed?: Set<string>;
  /** The price (and context) line under each model. */
  describe: (m: CatalogPrice) => string;
  /** Small tags after the id ("Vision"). */
  tags?: (m: CatalogPrice) => string[];
  loading?: boolean;
}

function matches(m: CatalogPrice, query: string): boolean {
  const hay = `${m.model} ${m.ownedBy}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((t) => hay.includes(t));
}

/** A searchable model list (combobox pattern): type to filter, arrows to move, Enter to pick. */
export function ModelPicker({ id, label = "Model", models, value, onChange, allowed, describe, tags, loading }: ModelPickerProps) {
  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [active, setActive] = React.useState(0);
  const listId = `${id}-list`;
  const labelId = `${id}-label`;
  const listRef = React.useRef<HTMLUListElement>(null);

  const filtered = React.useMemo(() => {
    const list = models.filter((m) => matches(m, query));
    // Models the key can use first; within each, by owner then id (the catalog's order).
    return [...list].sort((a, b) => Number(allowed ? !allowed.has(a.model) : 0) - Number(allowed ? !allowed.has(b.model) : 0));
  }, [models, query, allowed]);
  const current = models.find((m) => m.model === value);

  // Opening starts from an empty search with the current model highlighted and in view.
  React.useEffect(() => {
    if (!open) return;
    setQuery("");
    const order = allowed ? [...models].sort((a, b) => Number(!allowed.has(a.model)) - Number(!allowed.has(b.model))) : models;
    setActive(Math.max(0, order.findIndex((m) => m.model === value)));
  }, [open, models, value, allowed]);

  React.useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" }));
    return () => cancelAnimationFrame(frame);
  }, [active, open]);

  const pick = (m: CatalogPrice | undefined) => {
    if (!m) return;
    onChange(m.model);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(filtered.length - 1, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(filtered[active]);
    } else if (e.key === "Home") {
      setActive(0);
    } else if (e.key === "End") {
      setActive(filtered.length - 1);
    }
  };

  const unavailable = Boolean(value && allowed && !allowed.has(value));

  return (
    <div className="grid min-w-0 grid-cols-1 gap-1.5">
      <Label id={labelId} htmlFor={id}>
        {label}
      </Label>
      {loading && !models.length ? (
        <Skeleton className="h-[3.25rem] w-full" />
      ) : (
        <Popover.Root open={open} onOpenChange={setOpen}>
          <Popover.Trigger asChild>
            <button
              id={id}
              type="button"
              aria-labelledby={`${labelId} ${id}`}
              aria-haspopup="listbox"
              aria-expanded={open}
              className={cn(
                "flex w-full items-center gap-2 rounded-md border border-input bg-background px-3 py-2 text-left shadow-xs transition-colors hover:bg-muted/50",
                "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:border-ring",
                unavailable && "border-warning",
              )}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{value || "Choose a model"}</span>
                {current ? <span className="line-clamp-2 block text-xs text-muted-foreground">{describe(current)}</span> : null}
              </span>
              <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            </button>
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content
              align="start"
              sideOffset={6}
              collisionPadding={12}
              className="z-50 w-[min(26rem,calc(100vw-1.5rem))] overflow-hidden rounded-md border bg-card text-card-foreground shadow-lg"
              onOpenAutoFocus={(e) => {
                e.preventDefault();
                (e.currentTarget as HTMLElement).querySelector("input")?.focus();
              }}
            >
              <div className="flex items-center gap-2 border-b px-3">
                <Search className="size-4 text-muted-foreground" aria-hidden="true" />
                <input
                  role="combobox"
                  aria-label="Search models"
                  aria-controls={listId}
                  aria-expanded="true"
                  aria-autocomplete="list"
                  aria-activedescendant={filtered[active] ? `${id}-opt-${active}` : undefined}
                  value={query}
                  onChange={(e) => {
                    setQuery(e.target.value);
                    setActive(0);
                  }}
                  onKeyDown={onKeyDown}
                  placeholder="Search models…"
                  className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground/80"
                />
              </div>
              <ul id={listId} ref={listRef} role="listbox" aria-label={`${label} list`} className="max-h-80 overflow-y-auto p-1">
                {filtered.length === 0 ? <li className="px-3 py-6 text-center text-sm text-muted-foreground">No model matches “{query}”.</li> : null}
                {filtered.map((m, i) => {
                  const blocked = Boolean(allowed && !allowed.has(m.model));
                  const selected = m.model === value;
                  return (
                    <li
                      key={m.model}
                      id={`${id}-opt-${i}`}
                      data-index={i}
                      role="option"
                      aria-selected={selected}
                      onMouseMove={() => setActive(i)}
                      onClick={() => pick(m)}
                      className={cn("flex cursor-default items-start gap-2 rounded-sm px-2 py-1.5", i === active && "bg-muted", blocked && "opacity-60")}
                    >
                      <Check className={cn("mt-0.5 size-4 shrink-0 text-primary", !selected && "invisible")} aria-hidden="true" />
                      <span className="min-w-0 flex-1">
                        <span className="flex flex-wrap items-center gap-1.5">
                          <span className="truncate text-sm font-medium">{m.model}</span>
                          <span className="text-xs text-muted-foreground">{m.ownedBy}</span>
                          {(tags?.(m) ?? []).map((t) => (
                            <span key={t} className="rounded-sm bg-primary/10 px-1 text-[11px] font-medium text-primary">
                              {t}
                            </span>
                          ))}
                        </span>
                        <span className="block text-xs text-muted-foreground">{blocked ? "Not available with this key" : describe(m)}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      )}
      {unavailable ? <p className="text-[13px] text-muted-foreground">The selected key cannot use {value}: requests will be refused until you pick another model or key.</p> : null}
    </div>
  );
}
