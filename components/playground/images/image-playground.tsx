"use client";

import * as React from "react";
import { ImageIcon, Loader2, Sparkles } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { CatalogPrice } from "@/lib/catalog/prices";
import type { ApiClientError } from "@/lib/client/fetcher";
import { formatCost, formatPrice, imageCostUsd } from "@/lib/playground/cost";
import { errorFromFetch, networkError } from "@/lib/playground/errors";
import { describeSize, imageOptions, modelsOf } from "@/lib/playground/models";
import { imageSnippets } from "@/lib/playground/snippets";
import { KeySelect } from "../key-select";
import { ModelPicker } from "../model-picker";
import { PlaygroundError } from "../playground-error";
import { revealOnPhone } from "../reveal";
import { SettingsCard } from "../settings-card";
import { useCatalog, useKeyModels } from "../use-catalog";
import { useElapsed } from "../use-elapsed";
import { keyHeaders, usePlaygroundKey } from "../use-playground-key";
import { isAbortError, useRunTimer } from "../use-run-timer";
import { ViewCodeDialog } from "../view-code-dialog";
import { Generation, type GenerationRecord, type ImageSettings } from "./generation";

const MAX_PROMPT = 4000;

function describeImageModel(m: CatalogPrice): string {
  const prices = Object.values(m.imagePrices);
  if (!prices.length) return "Price not listed";
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max ? `${formatPrice(min)} per image` : `${formatPrice(min)}-${formatPrice(max)} per image`;
}

/** The request body for these settings: only what the model documents. */
export function imageBody(s: ImageSettings, prompt: string): Record<string, unknown> {
  const gptImage = s.model.startsWith("gpt-image");
  return {
    model: s.model,
    prompt,
    n: s.n,
    size: s.size,
    ...(s.quality ? { quality: s.quality } : {}),
    ...(s.style ? { style: s.style } : {}),
    ...(gptImage ? {} : { response_format: s.format }),
  };
}

function base64ToBlob(b64: string, type = "image/png"): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function ImagePlayground({ baseUrl }: { baseUrl: string }) {
  const catalog = useCatalog();
  const { keyId, selected } = usePlaygroundKey();
  const allowed = useKeyModels(keyId ? selected : undefined);
  const models = React.useMemo(() => modelsOf(catalog.data, "image"), [catalog.data]);
  const [prompt, setPrompt] = React.useState("");
  const [settings, setSettings] = React.useState<ImageSettings>({ model: "", size: "1024x1024", quality: "", style: "", n: 1, format: "b64_json" });
  const [generations, setGenerations] = React.useState<GenerationRecord[]>([]);
  const [error, setError] = React.useState<ApiClientError | null>(null);
  const timer = useRunTimer();
  const elapsed = useElapsed(timer.startedAt);
  const [pendingN, setPendingN] = React.useState(1);
  const resultsRef = React.useRef<HTMLElement>(null);

  const price = models.find((m) => m.model === settings.model);
  const options = imageOptions(price);

  // Pick a model once the catalog arrives, then keep size / quality / style valid for it.
  React.useEffect(() => {
    if (!models.length || models.some((m) => m.model === settings.model)) return;
    const model = (models.find((m) => m.model === "dall-e-3") ?? models[0])!.model;
    setSettings((s) => ({ ...s, model }));
  }, [models, settings.model]);
  React.useEffect(() => {
    setSettings((s) => {
      const size = options.sizes.includes(s.size) ? s.size : (options.sizes[0] ?? "1024x1024");
      const quality = options.qualities.includes(s.quality) ? s.quality : (options.qualities[0] ?? "");
      const style = options.styles.length ? (options.styles.includes(s.style) ? s.style : (options.styles[0] ?? "")) : "";
      const n = Math.min(s.n, options.maxN);
      const format = options.urlSupported ? s.format : "b64_json";
      return size === s.size && quality === s.quality && style === s.style && n === s.n && format === s.format ? s : { ...s, size, quality, style, n, format };
    });
  }, [options]);

  // Object URLs of generated images are freed when the page goes away.
  const urls = React.useRef<string[]>([]);
  React.useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const estimate = price ? imageCostUsd(price, settings.n, settings.size, settings.quality) : null;

  const generate = async () => {
    if (!prompt.trim() || !settings.model || timer.running) return;
    const body = imageBody(settings, prompt);
    const snapshot = { ...settings };
    const signal = timer.begin();
    setPendingN(settings.n);
    setError(null);
    revealOnPhone(resultsRef.current);
    const started = performance.now();
    try {
      const res = await fetch("/api/playground/v1/images/generations", {
        method: "POST",
        headers: { "content-type": "application/json", ...keyHeaders(keyId) },
        body: JSON.stringify(body),
        signal,
      });
      if (!res.ok) {
        setError(await errorFromFetch(res));
        return;
      }
      const data = (await res.json()) as { data?: { b64_json?: string; url?: string; revised_prompt?: string }[] };
      const images = (data.data ?? []).flatMap((d) => {
        if (d.b64_json) {
          const src = URL.createObjectURL(base64ToBlob(d.b64_json));
          urls.current.push(src);
          return [{ src, revisedPrompt: d.revised_prompt, inline: true }];
        }
        return d.url ? [{ src: d.url, revisedPrompt: d.revised_prompt, inline: false }] : [];
      });
      setGenerations((g) => [
        { id: crypto.randomUUID(), prompt, settings: snapshot, images, ms: performance.now() - started, costUsd: price ? imageCostUsd(price, images.length, snapshot.size, snapshot.quality) : null, createdAt: Date.now() },
        ...g,
      ]);
    } catch (err) {
      if (!isAbortError(err)) setError(networkError());
    } finally {
      timer.end();
    }
  };

  const reuse = (g: GenerationRecord) => {
    setPrompt(g.prompt);
    setSettings(g.settings);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  return (
    <>
      <PageHeader
        title="Images"
        description="Generate images from a prompt, compare settings, and download what you like."
        actions={<ViewCodeDialog snippets={() => imageSnippets(imageBody(settings, prompt || "A watercolour fox in a snowy forest"), baseUrl)} disabled={!settings.model} />}
      />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <SettingsCard label="Image settings">
          <Field id="img-prompt" label="Prompt" aside={<span className="text-xs tabular-nums text-muted-foreground">{prompt.length.toLocaleString("en-US")} / {MAX_PROMPT.toLocaleString("en-US")}</span>}>
            <Textarea
              id="img-prompt"
              value={prompt}
              maxLength={MAX_PROMPT}
              onChange={(e) => setPrompt(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void generate();
                }
              }}
              placeholder="A watercolour fox in a snowy forest, soft morning light"
              className="min-h-28 resize-y"
            />
          </Field>
          <ModelPicker id="img-model" models={models} loading={catalog.isPending} allowed={allowed} value={settings.model} onChange={(model) => setSettings((s) => ({ ...s, model }))} describe={describeImageModel} />
          <div className="grid grid-cols-2 gap-3">
            <Field id="img-size" label="Size" className="col-span-2">
              <Select id="img-size" value={settings.size} onChange={(e) => setSettings((s) => ({ ...s, size: e.target.value }))}>
                {options.sizes.map((size) => (
                  <option key={size} value={size}>
                    {describeSize(size)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="img-quality" label="Quality">
              <Select id="img-quality" value={settings.quality} onChange={(e) => setSettings((s) => ({ ...s, quality: e.target.value }))} disabled={options.qualities.length < 2}>
                {options.qualities.map((q) => (
                  <option key={q} value={q}>
                    {q.toUpperCase() === "HD" ? "HD" : q[0]!.toUpperCase() + q.slice(1)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="img-n" label="Images">
              <Select id="img-n" value={String(settings.n)} onChange={(e) => setSettings((s) => ({ ...s, n: Number(e.target.value) }))} disabled={options.maxN === 1}>
                {Array.from({ length: options.maxN }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="img-style" label="Style">
              <Select id="img-style" value={settings.style} onChange={(e) => setSettings((s) => ({ ...s, style: e.target.value }))} disabled={!options.styles.length}>
                {options.styles.length ? (
                  options.styles.map((st) => (
                    <option key={st} value={st}>
                      {st[0]!.toUpperCase() + st.slice(1)}
                    </option>
                  ))
                ) : (
                  <option value="">Not offered</option>
                )}
              </Select>
            </Field>
            <Field id="img-format" label="Returned as">
              <Select id="img-format" value={settings.format} onChange={(e) => setSettings((s) => ({ ...s, format: e.target.value as ImageSettings["format"] }))} disabled={!options.urlSupported}>
                <option value="b64_json">Inline data</option>
                <option value="url">URL</option>
              </Select>
            </Field>
          </div>
          {options.maxN === 1 ? <p className="-mt-2 text-xs text-muted-foreground">{settings.model} makes one image per request.</p> : null}
          <KeySelect id="img-key" />
          <div className="grid gap-2 border-t pt-4">
            <p className="flex items-baseline justify-between text-sm">
              <span className="text-muted-foreground">Estimated cost</span>
              <span className="font-medium tabular-nums">{estimate !== null ? formatCost(estimate) : "—"}</span>
            </p>
            {timer.running ? (
              <Button variant="outline" onClick={timer.cancel}>
                Cancel
              </Button>
            ) : (
              <Button onClick={() => void generate()} disabled={!prompt.trim() || !settings.model}>
                <Sparkles aria-hidden="true" /> Generate
              </Button>
            )}
          </div>
        </SettingsCard>

        <section ref={resultsRef} aria-label="Generated images" className="min-w-0 scroll-mt-20 space-y-6">
          {error ? <PlaygroundError error={error} model={settings.model} keyName={keyId ? selected?.name : "Playground key"} onRetry={() => void generate()} /> : null}
          {timer.running ? (
            <div role="status" aria-live="polite" className="space-y-3">
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" aria-hidden="true" />
                Generating {pendingN} image{pendingN === 1 ? "" : "s"}… <span className="tabular-nums">{Math.floor(elapsed / 1000)} s</span>
              </p>
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
                {Array.from({ length: pendingN }, (_, i) => (
                  <div key={i} className="relative aspect-square overflow-hidden rounded-lg border bg-muted">
                    <div className="absolute inset-0 animate-pulse bg-gradient-to-br from-muted via-background/40 to-muted" />
                    <div className="absolute inset-0 flex items-center justify-center">
                      <ImageIcon className="size-8 text-muted-foreground/50" aria-hidden="true" />
                    </div>
                  </div>
                ))}
              </div>
            </div>
          ) : null}
          {generations.map((g) => (
            <Generation key={g.id} generation={g} onReuse={() => reuse(g)} />
          ))}
          {!generations.length && !timer.running && !error ? (
            <EmptyState icon={ImageIcon} title="No images yet" description="Describe what you want to see, choose a model and size, then press Generate (or Ctrl+Enter in the prompt)." className="min-h-[22rem]" />
          ) : null}
        </section>
      </div>
    </>
  );
}
