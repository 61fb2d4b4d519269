"use client";

import * as React from "react";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { CatalogPrice } from "@/lib/catalog/prices";
import { DEFAULT_PARAMS, PARAM_LIMITS, type ChatParams } from "@/lib/playground/chat-request";
import { formatPrice } from "@/lib/playground/cost";
import { formatContext } from "@/lib/format";
import { acceptsImages } from "@/lib/playground/models";
import { KeySelect } from "../key-select";
import { ModelPicker } from "../model-picker";
import { SliderField } from "../slider-field";

export function describeChatModel(m: CatalogPrice): string {
  const ctx = formatContext(m.contextLength);
  return `${ctx ? `${ctx} context · ` : ""}${formatPrice(m.inputPerMillion)} in / ${formatPrice(m.outputPerMillion)} out per 1M tokens`;
}

function StopSequences({ value, onChange }: { value: string[]; onChange: (stop: string[]) => void }) {
  const [draft, setDraft] = React.useState("");
  const full = value.length >= PARAM_LIMITS.stop.max;
  const add = () => {
    const s = draft.replace(/\\n/g, "\n");
    if (!s || value.includes(s) || full) return;
    onChange([...value, s]);
    setDraft("");
  };
  return (
    <div className="grid gap-2">
      <Label htmlFor="pg-stop">Stop sequences</Label>
      {value.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Stop sequences">
          {value.map((s) => (
            <li key={s} className="inline-flex items-center gap-1 rounded-md border bg-muted/50 py-0.5 pl-2 pr-0.5 font-mono text-xs">
              {JSON.stringify(s).slice(1, -1)}
              <button type="button" aria-label={`Remove stop sequence ${s}`} className="rounded p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground" onClick={() => onChange(value.filter((x) => x !== s))}>
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Input
        id="pg-stop"
        value={draft}
        disabled={full}
        placeholder={full ? "Up to 4 sequences" : "Type and press Enter"}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
        onBlur={add}
        aria-describedby="pg-stop-hint"
      />
      <p id="pg-stop-hint" className="text-xs text-muted-foreground">
        Generation stops before any of these (up to 4). Write \n for a newline.
      </p>
    </div>
  );
}

export function ChatSettings({
  models,
  modelsLoading,
  allowed,
  model,
  onModel,
  system,
  onSystem,
  params,
  onParams,
  disabled,
}: {
  models: CatalogPrice[];
  modelsLoading: boolean;
  allowed?: Set<string>;
  model: string;
  onModel: (model: string) => void;
  system: string;
  onSystem: (system: string) => void;
  params: ChatParams;
  onParams: (params: ChatParams) => void;
  disabled?: boolean;
}) {
  const set = <K extends keyof ChatParams>(k: K, v: ChatParams[K]) => onParams({ ...params, [k]: v });
  const changed = JSON.stringify(params) !== JSON.stringify(DEFAULT_PARAMS);
  return (
    <fieldset disabled={disabled} className="grid min-w-0 grid-cols-1 gap-5">
      <legend className="sr-only">Chat settings</legend>
      <ModelPicker
        id="pg-model"
        models={models}
        loading={modelsLoading}
        allowed={allowed}
        value={model}
        onChange={onModel}
        describe={describeChatModel}
        tags={(m) => (acceptsImages(m.model) ? ["Vision"] : [])}
      />
      <KeySelect />
      <div className="grid gap-1.5">
        <Label htmlFor="pg-system">System prompt</Label>
        <Textarea id="pg-system" value={system} onChange={(e) => onSystem(e.target.value)} placeholder="You are a helpful assistant." className="min-h-24 resize-y text-[13px]" />
      </div>
      <div className="grid gap-4 border-t pt-4">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold">Parameters</h2>
          {changed ? (
            <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => onParams({ ...DEFAULT_PARAMS })}>
              Reset all
            </Button>
          ) : null}
        </div>
        <SliderField id="pg-temperature" label="Temperature" {...PARAM_LIMITS.temperature} value={params.temperature} defaultValue={DEFAULT_PARAMS.temperature} onChange={(v) => set("temperature", v)} hint="0-2. Lower is more focused, higher more varied." />
        <SliderField id="pg-top-p" label="Top P" {...PARAM_LIMITS.topP} value={params.topP} defaultValue={DEFAULT_PARAMS.topP} onChange={(v) => set("topP", v)} hint="0-1. Samples from the smallest set of tokens whose probability adds up to P." />
        <div className="grid gap-1.5">
          <Label htmlFor="pg-max-tokens">Maximum tokens</Label>
          <Input
            id="pg-max-tokens"
            type="number"
            inputMode="numeric"
            min={PARAM_LIMITS.maxTokens.min}
            max={PARAM_LIMITS.maxTokens.max}
            placeholder="Model default"
            value={params.maxTokens ?? ""}
            onChange={(e) => {
              const n = Number.parseInt(e.target.value, 10);
              set("maxTokens", Number.isFinite(n) && n >= 1 ? Math.min(PARAM_LIMITS.maxTokens.max, n) : null);
            }}
          />
          <p className="text-xs text-muted-foreground">Caps the length of each reply. Empty: the model&apos;s own limit.</p>
        </div>
        <SliderField id="pg-frequency" label="Frequency penalty" {...PARAM_LIMITS.frequencyPenalty} value={params.frequencyPenalty} defaultValue={0} onChange={(v) => set("frequencyPenalty", v)} hint="-2 to 2. Positive values discourage repeating the same words." />
        <SliderField id="pg-presence" label="Presence penalty" {...PARAM_LIMITS.presencePenalty} value={params.presencePenalty} defaultValue={0} onChange={(v) => set("presencePenalty", v)} hint="-2 to 2. Positive values encourage new topics." />
        <StopSequences value={params.stop} onChange={(stop) => set("stop", stop)} />
      </div>
    </fieldset>
  );
}
