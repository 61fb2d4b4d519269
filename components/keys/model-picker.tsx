"use client";

import * as React from "react";
import { Check, Loader2, Search, X } from "lucide-react";
import { cn } from "@/lib/utils";
import type { CatalogModel } from "./use-keys";

/**
 * A searchable multi-select of the live model catalog, with the picks as chips. An ARIA combobox:
 * type to filter, arrows to move, Enter to pick, Backspace on an empty search removes the last chip.
 * The list opens inline (not in a portal) so it scrolls with the dialog around it.
 */
export function ModelPicker({
  id,
  value,
  onChange,
  catalog,
  loading,
  loadError,
  describedBy,
  invalid,
}: {
  id: string;
  value: string[];
  onChange: (models: string[]) => void;
  catalog: CatalogModel[] | undefined;
  loading: boolean;
  loadError: string | null;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [query, setQuery] = React.useState("");
  const [open, setOpen] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const listId = `${id}-list`;
  const inputRef = React.useRef<HTMLInputElement>(null);

  const q = query.trim().toLowerCase();
  const options = React.useMemo(
    () => (catalog ?? []).filter((m) => !q || m.id.toLowerCase().includes(q) || m.owned_by.toLowerCase().includes(q)),
    [catalog, q],
  );
  const groups = React.useMemo(() => {
    const out: Array<{ owner: string; items: Array<{ model: CatalogModel; index: number }> }> = [];
    options.forEach((model, index) => {
      const last = out.at(-1);
      if (last?.owner === model.owned_by) last.items.push({ model, index });
      else out.push({ owner: model.owned_by, items: [{ model, index }] });
    });
    return out;
  }, [options]);

  React.useEffect(() => setActive(0), [q]);

  const selected = new Set(value);
  const toggle = (model: string) => onChange(selected.has(model) ? value.filter((m) => m !== model) : [...value, model]);
  const optionId = (index: number) => `${id}-opt-${index}`;

  React.useEffect(() => {
    if (open) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [id, active, open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      // Enter picks while the list is open or a search is typed; otherwise it submits the form.
      if (open && options[active]) {
        event.preventDefault();
        toggle(options[active].id);
      } else if (q) {
        event.preventDefault();
      }
    } else if (event.key === "Escape" && open) {
      setOpen(false);
    } else if (event.key === "Backspace" && !query && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div
      className="grid gap-2"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <div
        className={cn(
          "flex min-h-9 w-full cursor-text flex-wrap items-center gap-1.5 rounded-md border border-input bg-background px-2 py-1.5 text-sm shadow-xs transition-colors",
          "focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/40",
          invalid && "border-destructive",
        )}
        onClick={() => inputRef.current?.focus()}
      >
        <Search className="ml-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        {value.map((model) => (
          <span key={model} className="inline-flex items-center gap-1 rounded-md border bg-muted/60 py-0.5 pl-2 pr-0.5 font-mono text-xs">
            {model}
            <button
              type="button"
              className="rounded p-0.5 text-muted-foreground hover:bg-background hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-label={`Remove ${model}`}
              onClick={(event) => {
                event.stopPropagation();
                onChange(value.filter((m) => m !== model));
              }}
            >
              <X className="size-3" aria-hidden="true" />
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={value.length ? "Add another model…" : "All models. Search to allow only some…"}
          className="h-6 min-w-40 flex-1 bg-transparent px-1 outline-none placeholder:text-muted-foreground/80"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
      </div>

      {open ? (
        <div className="overflow-hidden rounded-md border bg-card shadow-sm">
          <div id={listId} role="listbox" aria-multiselectable="true" aria-label="Models" className="max-h-56 overflow-y-auto p-1">
            {loading ? (
              <p className="flex items-center gap-2 px-2 py-3 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" aria-hidden="true" /> Loading the model catalog…
              </p>
            ) : loadError ? (
              <p className="px-2 py-3 text-sm text-destructive">{loadError}</p>
            ) : options.length === 0 ? (
              <p className="px-2 py-3 text-sm text-muted-foreground">No model matches “{query.trim()}”.</p>
            ) : (
              groups.map((group) => (
                <div key={group.owner} role="group" aria-label={group.owner}>
                  <p aria-hidden="true" className="px-2 pb-1 pt-2 text-[11px] font-semibold uppercase tracking-wider text-muted-foreground/80">
                    {group.owner}
                  </p>
                  {group.items.map(({ model, index }) => {
                    const isSelected = selected.has(model.id);
                    return (
                      <div
                        key={model.id}
                        id={optionId(index)}
                        role="option"
                        aria-selected={isSelected}
                        className={cn(
                          "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 font-mono text-[13px]",
                          index === active && "bg-muted",
                        )}
                        onMouseDown={(event) => event.preventDefault()}
                        onMouseMove={() => setActive(index)}
                        onClick={() => toggle(model.id)}
                      >
                        <span
                          aria-hidden="true"
                          className={cn(
                            "flex size-4 shrink-0 items-center justify-center rounded-[4px] border",
                            isSelected ? "border-primary bg-primary text-primary-foreground" : "border-input",
                          )}
                        >
                          {isSelected ? <Check className="size-3" /> : null}
                        </span>
                        {model.id}
                      </div>
                    );
                  })}
                </div>
              ))
            )}
          </div>
          <div className="flex items-center justify-between border-t bg-muted/30 px-3 py-1.5 text-xs text-muted-foreground">
            <span>{value.length ? `${value.length} selected` : "None selected: every model is allowed"}</span>
            {value.length ? (
              <button type="button" className="font-medium text-primary hover:underline" onClick={() => onChange([])}>
                Clear
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
