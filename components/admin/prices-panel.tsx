"use client";

import * as React from "react";
import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormDialog } from "@/components/ui/form-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import type { listPrices } from "@/lib/admin/prices";
import { apiFetch } from "@/lib/client/fetcher";
import { queryKeys } from "@/lib/client/query-keys";
import { fromMilli, MILLI } from "@/lib/milli";
import { formatUsd, microsToUsd } from "@/lib/money";
import type { Wire } from "@/lib/usage/wire";
import { useAdminMutation } from "./use-admin";

type Price = Wire<Awaited<ReturnType<typeof listPrices>>>[number];

const modalities = ["chat", "embedding", "image", "tts", "stt"] as const;
const tiers = ["free", "lite", "pro", "plus", "max", "payg"] as const;

/** What a model is charged, in the unit people quote for its modality. */
function priceSummary(p: Price): string {
  if (p.modality === "image") {
    const values = Object.values(p.imagePrices);
    return values.length ? `${formatUsd(Math.min(...values))}–${formatUsd(Math.max(...values))} / image` : "—";
  }
  if (p.modality === "tts") return `${formatUsd(p.charPrice)} / 1M chars`;
  if (p.modality === "stt") return `${formatUsd(p.minutePrice, { precise: true })} / min`;
  return `${formatUsd(p.inputPrice)} in · ${formatUsd(p.outputPrice)} out / 1M tokens`;
}

interface FormState {
  model: string;
  ownedBy: string;
  modality: (typeof modalities)[number];
  contextLength: string;
  inputUsd: string;
  outputUsd: string;
  charUsd: string;
  minuteUsd: string;
  imagePrices: string;
  tier: (typeof tiers)[number];
  multiplier: string;
  active: boolean;
}

function formFrom(p: Price | null): FormState {
  const usd = (micros: number) => String(microsToUsd(micros));
  return {
    model: p?.model ?? "",
    ownedBy: p?.ownedBy ?? "",
    modality: (p?.modality as FormState["modality"]) ?? "chat",
    contextLength: p?.contextLength ? String(p.contextLength) : "",
    inputUsd: usd(p?.inputPrice ?? 0),
    outputUsd: usd(p?.outputPrice ?? 0),
    charUsd: usd(p?.charPrice ?? 0),
    minuteUsd: usd(p?.minutePrice ?? 0),
    imagePrices: JSON.stringify(Object.fromEntries(Object.entries(p?.imagePrices ?? {}).map(([k, v]) => [k, microsToUsd(v)])), null, 2),
    tier: (p?.tier as FormState["tier"]) ?? "pro",
    multiplier: String(fromMilli(p?.multiplier ?? MILLI)),
    active: p?.active ?? true,
  };
}

function PriceDialog({ price, onClose }: { price: Price | null; onClose: () => void }) {
  const [form, setForm] = React.useState(() => formFrom(price));
  const [jsonError, setJsonError] = React.useState<string | null>(null);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const save = useAdminMutation(
    (body: Record<string, unknown>) =>
      price ? apiFetch(`/api/admin/prices/${price.id}`, { method: "PATCH", body }) : apiFetch("/api/admin/prices", { method: "POST", body: { model: form.model, ...body } }),
    () => (price ? `${price.model} updated; the gateway charges the new price from the next request.` : `${form.model} added to the catalog.`),
    onClose,
  );
  const submit = () => {
    let imagePricesUsd: unknown;
    try {
      imagePricesUsd = JSON.parse(form.imagePrices || "{}");
      setJsonError(null);
    } catch {
      setJsonError('Image prices must be JSON, for example {"1024x1024/standard": 0.04}.');
      return;
    }
    save.mutate({
      ownedBy: form.ownedBy,
      modality: form.modality,
      contextLength: form.contextLength ? Number(form.contextLength) : null,
      inputUsd: Number(form.inputUsd),
      outputUsd: Number(form.outputUsd),
      charUsd: Number(form.charUsd),
      minuteUsd: Number(form.minuteUsd),
      imagePricesUsd,
      tier: form.tier,
      multiplier: Number(form.multiplier),
      active: form.active,
    });
  };
  const money = (id: keyof FormState, label: string) => (
    <Field id={`price-${id}`} label={label}>
      <Input id={`price-${id}`} type="number" min={0} step="any" value={String(form[id])} onChange={(e) => set({ [id]: e.target.value })} />
    </Field>
  );
  return (
    <FormDialog
      title={price ? `Edit ${price.model}` : "Add a model"}
      description="Prices in USD. The gateway reloads its catalog at once; requests already running keep their old price."
      submitLabel={price ? "Save prices" : "Add model"}
      pending={save.isPending}
      error={save.error}
      onSubmit={submit}
      onClose={onClose}
      className="max-h-[90vh] max-w-2xl overflow-y-auto"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {price ? null : (
          <Field id="price-model" label="Model id" hint="As the upstream names it, e.g. gpt-5-mini.">
            <Input id="price-model" value={form.model} onChange={(e) => set({ model: e.target.value })} required className="font-mono" />
          </Field>
        )}
        <Field id="price-owner" label="Provider">
          <Input id="price-owner" value={form.ownedBy} onChange={(e) => set({ ownedBy: e.target.value })} required placeholder="openai" />
        </Field>
        <Field id="price-modality" label="Kind">
          <Select id="price-modality" value={form.modality} onChange={(e) => set({ modality: e.target.value as FormState["modality"] })}>
            {modalities.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="price-context" label="Context length (tokens)">
          <Input id="price-context" type="number" min={1} value={form.contextLength} onChange={(e) => set({ contextLength: e.target.value })} placeholder="unknown" />
        </Field>
        {form.modality === "chat" || form.modality === "embedding" ? (
          <>
            {money("inputUsd", "Input, per 1M tokens")}
            {money("outputUsd", "Output, per 1M tokens")}
          </>
        ) : null}
        {form.modality === "tts" ? money("charUsd", "Per 1M characters") : null}
        {form.modality === "stt" ? money("minuteUsd", "Per minute of audio") : null}
        <Field id="price-tier" label="Lowest plan that includes it">
          <Select id="price-tier" value={form.tier} onChange={(e) => set({ tier: e.target.value as FormState["tier"] })}>
            {tiers.map((t) => (
              <option key={t} value={t}>
                {t === "payg" ? "none (PAYG only)" : t}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="price-multiplier" label="Plan requests per call" hint="0 = free within a plan.">
          <Input id="price-multiplier" type="number" min={0} step="any" value={form.multiplier} onChange={(e) => set({ multiplier: e.target.value })} />
        </Field>
      </div>
      {form.modality === "image" ? (
        <Field id="price-images" label="Per image, by size/quality (JSON, USD)" error={jsonError}>
          <Textarea id="price-images" value={form.imagePrices} onChange={(e) => set({ imagePrices: e.target.value })} className="font-mono text-[13px]" rows={5} />
        </Field>
      ) : null}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="size-4 accent-[var(--primary)]" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
        Available (inactive models are refused with model_not_found)
      </label>
    </FormDialog>
  );
}

/** The model catalog with its prices; edits reach the gateway at once (catalogChanged). */
export function PricesPanel() {
  const prices = useQuery({ queryKey: queryKeys.admin.prices, queryFn: () => apiFetch<Price[]>("/api/admin/prices") });
  const [editing, setEditing] = React.useState<Price | "new" | null>(null);
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden="true" />
          Add model
        </Button>
      </div>
      {prices.isError ? (
        <ErrorCallout error={prices.error} />
      ) : !prices.data ? (
        <Skeleton className="h-96" aria-label="Loading prices" />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Model prices">
            <TableHeader>
              <TableRow>
                <TableHead>Model</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Price</TableHead>
                <TableHead>Plan tier</TableHead>
                <TableHead className="text-right">Plan requests</TableHead>
                <TableHead className="w-20">
                  <span className="sr-only">Edit</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {prices.data.map((p) => (
                <TableRow key={p.id} className={p.active ? undefined : "opacity-60"}>
                  <TableCell>
                    <span className="font-mono text-[13px] font-medium">{p.model}</span>
                    <span className="ml-2 text-xs text-muted-foreground">{p.ownedBy}</span>
                    {p.active ? null : (
                      <Badge variant="secondary" className="ml-2">
                        Inactive
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="text-muted-foreground">{p.modality}</TableCell>
                  <TableCell className="tabular-nums">{priceSummary(p)}</TableCell>
                  <TableCell>{p.tier === "payg" ? "PAYG only" : p.tier}</TableCell>
                  <TableCell className="text-right tabular-nums">{p.multiplier / 1000}</TableCell>
                  <TableCell>
                    <Button variant="ghost" size="sm" onClick={() => setEditing(p)} aria-label={`Edit ${p.model}`}>
                      Edit
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {editing ? <PriceDialog price={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
