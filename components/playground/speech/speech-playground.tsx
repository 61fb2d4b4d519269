"use client";

import * as React from "react";
import { AudioLines, Download, Loader2, Volume2 } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { CatalogPrice } from "@/lib/catalog/prices";
import type { ApiClientError } from "@/lib/client/fetcher";
import { playableFormats, receivedFormat, SPEECH_FORMATS, SPEECH_MAX_CHARS, SPEECH_MIME, type SpeechFormat } from "@/lib/playground/audio";
import { formatCost, formatPrice, speechCostUsd } from "@/lib/playground/cost";
import { errorFromFetch, networkError } from "@/lib/playground/errors";
import { formatBytes, formatClock, formatMs, formatWhole } from "@/lib/format";
import { modelsOf, VOICES, type Voice } from "@/lib/playground/models";
import { speechSnippets } from "@/lib/playground/snippets";
import { cn } from "@/lib/utils";
import { KeySelect } from "../key-select";
import { ModelPicker } from "../model-picker";
import { PlaygroundError } from "../playground-error";
import { revealOnPhone } from "../reveal";
import { SettingsCard } from "../settings-card";
import { SliderField } from "../slider-field";
import { useCatalog, useKeyModels } from "../use-catalog";
import { useElapsed } from "../use-elapsed";
import { keyHeaders, usePlaygroundKey } from "../use-playground-key";
import { isAbortError, useRunTimer } from "../use-run-timer";
import { ViewCodeDialog } from "../view-code-dialog";
import { playResponse } from "./stream-audio";

interface Clip {
  id: string;
  text: string;
  model: string;
  voice: Voice;
  format: SpeechFormat;
  speed: number;
  url: string | null;
  size: number;
  firstByteMs: number | null;
  totalMs: number | null;
  costUsd: number | null;
  progressive: boolean;
}

const FORMAT_LABEL: Record<SpeechFormat, string> = { mp3: "MP3", opus: "Opus", aac: "AAC", flac: "FLAC", wav: "WAV", pcm: "PCM" };
const SAMPLE = "Hello! This is the Apertis speech playground. Type anything here, choose a voice, and press Generate to hear it.";

function describeTtsModel(m: CatalogPrice): string {
  return `${formatPrice(m.charPerMillion)} per 1M characters`;
}

function speechBody(s: { model: string; voice: Voice; format: SpeechFormat; speed: number }, input: string) {
  return { model: s.model, input, voice: s.voice, response_format: s.format, ...(s.speed !== 1 ? { speed: s.speed } : {}) };
}

function downloadBlobUrl(url: string, name: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function SpeechPlayground({ baseUrl }: { baseUrl: string }) {
  const catalog = useCatalog();
  const { keyId, selected } = usePlaygroundKey();
  const allowed = useKeyModels(keyId ? selected : undefined);
  const models = React.useMemo(() => modelsOf(catalog.data, "tts"), [catalog.data]);
  const [text, setText] = React.useState(SAMPLE);
  const [model, setModel] = React.useState("");
  const [voice, setVoice] = React.useState<Voice>("alloy");
  const [format, setFormat] = React.useState<SpeechFormat>("mp3");
  const [speed, setSpeed] = React.useState(1);
  const [playable, setPlayable] = React.useState<Record<SpeechFormat, boolean> | null>(null);
  const [current, setCurrent] = React.useState<Clip | null>(null);
  const [history, setHistory] = React.useState<Clip[]>([]);
  const [received, setReceived] = React.useState(0);
  const [duration, setDuration] = React.useState<number | null>(null);
  const [error, setError] = React.useState<ApiClientError | null>(null);
  const audioRef = React.useRef<HTMLAudioElement>(null);
  const resultRef = React.useRef<HTMLDivElement>(null);
  const timer = useRunTimer();
  const elapsed = useElapsed(timer.startedAt, 250);
  const objectUrls = React.useRef<string[]>([]);

  React.useEffect(() => {
    const probe = document.createElement("audio");
    setPlayable(playableFormats((mime) => probe.canPlayType(mime)));
    return () => objectUrls.current.forEach((u) => URL.revokeObjectURL(u));
  }, []);
  React.useEffect(() => {
    if (!models.length || models.some((m) => m.model === model)) return;
    setModel((models.find((m) => m.model === "tts-1") ?? models[0])!.model);
  }, [models, model]);
  // If the browser cannot play the chosen format, fall back to one it can.
  React.useEffect(() => {
    if (playable && format !== "pcm" && !playable[format]) setFormat(SPEECH_FORMATS.find((f) => playable[f]) ?? "wav");
  }, [playable, format]);

  const price = models.find((m) => m.model === model);
  const chars = text.length;
  const estimate = price ? speechCostUsd(price, chars) : null;

  const generate = async () => {
    if (!text.trim() || !model || timer.running || chars > SPEECH_MAX_CHARS) return;
    const audio = audioRef.current!;
    const settings = { model, voice, format, speed };
    const signal = timer.begin();
    const started = performance.now();
    setError(null);
    setReceived(0);
    setDuration(null);
    if (current?.url) setHistory((h) => [current, ...h].slice(0, 10));
    audio.pause();
    audio.removeAttribute("src");
    const clip: Clip = { id: crypto.randomUUID(), text, ...settings, url: null, size: 0, firstByteMs: null, totalMs: null, costUsd: null, progressive: false };
    setCurrent(clip);
    revealOnPhone(resultRef.current);
    try {
      const res = await fetch("/api/playground/v1/audio/speech", {
        method: "POST",
        headers: { "content-type": "application/json", ...keyHeaders(keyId) },
        body: JSON.stringify(speechBody(settings, text)),
        signal,
      });
      if (!res.ok || !res.body) {
        setError(await errorFromFetch(res));
        setCurrent(null);
        return;
      }
      const got = receivedFormat(format, res.headers.get("content-type"), res.headers.get("x-simulated-format"));
      const canPlay = got !== "pcm" && (playable?.[got] ?? true);
      const mime = got === "opus" ? "audio/ogg" : SPEECH_MIME[got];
      const out = await playResponse({ res, mime, audio, started, signal, onBytes: setReceived, playable: canPlay });
      const url = URL.createObjectURL(out.blob);
      objectUrls.current.push(url);
      if (audio.src.startsWith("blob:") && out.progressive) objectUrls.current.push(audio.src);
      setCurrent({
        ...clip,
        format: got,
        url,
        size: out.blob.size,
        firstByteMs: out.firstByteMs,
        totalMs: performance.now() - started,
        costUsd: price ? speechCostUsd(price, text.length) : null,
        progressive: out.progressive,
      });
    } catch (err) {
      setCurrent(null);
      if (!isAbortError(err)) setError(networkError());
    } finally {
      timer.end();
    }
  };

  const ext = (f: SpeechFormat) => (f === "opus" ? "ogg" : f);
  const nearLimit = chars > SPEECH_MAX_CHARS * 0.9;

  return (
    <>
      <PageHeader
        title="Speech"
        description="Turn text into speech with any voice and format; playback starts as the audio arrives."
        actions={<ViewCodeDialog snippets={() => speechSnippets(speechBody({ model, voice, format, speed }, text || SAMPLE), baseUrl)} disabled={!model} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr] lg:items-start">
        <Card className="min-w-0 p-4 sm:p-5 lg:col-start-1 lg:row-start-1">
          <Field
            id="tts-text"
            label="Text"
            aside={
              <span className={cn("text-xs tabular-nums", nearLimit ? "font-medium text-warning" : "text-muted-foreground")} aria-live="polite">
                {formatWhole(chars)} / {formatWhole(SPEECH_MAX_CHARS)} characters
              </span>
            }
            hint={chars >= SPEECH_MAX_CHARS ? "That is the most one request may carry: split longer text into several requests." : undefined}
          >
            <Textarea
              id="tts-text"
              value={text}
              maxLength={SPEECH_MAX_CHARS}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void generate();
                }
              }}
              aria-describedby={fieldMessageId("tts-text")}
              className="min-h-44 resize-y text-[15px] leading-relaxed"
            />
          </Field>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-muted-foreground">
              Estimated cost <span className="font-medium tabular-nums text-foreground">{estimate !== null ? formatCost(estimate) : "—"}</span>
            </p>
            {timer.running ? (
              <Button variant="outline" onClick={timer.cancel}>
                Cancel
              </Button>
            ) : (
              <Button onClick={() => void generate()} disabled={!text.trim() || !model}>
                <Volume2 aria-hidden="true" /> Generate speech
              </Button>
            )}
          </div>
        </Card>

        <SettingsCard label="Speech settings" className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <ModelPicker id="tts-model" models={models} loading={catalog.isPending} allowed={allowed} value={model} onChange={setModel} describe={describeTtsModel} />
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">Voice</legend>
            <div className="grid grid-cols-3 gap-2">
              {VOICES.map((v) => (
                <label
                  key={v}
                  className={cn(
                    "flex cursor-pointer items-center justify-center rounded-md border px-2 py-1.5 text-sm capitalize transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    voice === v ? "border-primary bg-primary/10 font-medium text-primary" : "hover:bg-muted",
                  )}
                >
                  <input type="radio" name="tts-voice" value={v} checked={voice === v} onChange={() => setVoice(v)} className="sr-only" />
                  {v}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="tts-format" label="Format" hint={format === "pcm" ? "Raw samples, offered as a download only." : "Formats this browser cannot play are greyed out."}>
            <Select id="tts-format" value={format} onChange={(e) => setFormat(e.target.value as SpeechFormat)} aria-describedby={fieldMessageId("tts-format")}>
              {SPEECH_FORMATS.map((f) => (
                <option key={f} value={f} disabled={f !== "pcm" && playable !== null && !playable[f]}>
                  {FORMAT_LABEL[f]}
                  {f === "pcm" ? " (download only)" : playable && !playable[f] ? " (not playable here)" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <SliderField id="tts-speed" label="Speed" min={0.25} max={4} step={0.05} value={speed} defaultValue={1} onChange={setSpeed} hint="0.25× to 4×." format={(v) => `${v}×`} />
          <KeySelect id="tts-key" />
        </SettingsCard>

        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-2">
          {error ? <PlaygroundError error={error} model={model} keyName={keyId ? selected?.name : "Playground key"} onRetry={() => void generate()} /> : null}

          <Card ref={resultRef} className={cn("scroll-mt-20 p-4 sm:p-5", !current && "hidden")} aria-label="Generated speech" role="region">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <div className="flex items-center gap-2">
                <AudioLines className="size-4 text-primary" aria-hidden="true" />
                <h2 className="text-sm font-semibold">{current ? `${current.voice} · ${current.model}` : "Speech"}</h2>
                {current ? <Badge variant="secondary">{FORMAT_LABEL[current.format]}</Badge> : null}
              </div>
              <p role="status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
                {timer.running ? (
                  <>
                    <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
                    {received ? `Receiving audio… ${formatBytes(received)}` : `Waiting for audio… ${Math.floor(elapsed / 1000)} s`}
                  </>
                ) : current?.url ? (
                  "Ready"
                ) : null}
              </p>
            </div>
            <audio
              ref={audioRef}
              controls
              aria-label="Generated speech"
              className={cn("w-full", current && current.format === "pcm" && "hidden")}
              onDurationChange={(e) => {
                const d = e.currentTarget.duration;
                setDuration(Number.isFinite(d) && d > 0 ? d : null);
              }}
            />
            {current?.format === "pcm" && current.url ? (
              <p className="text-sm text-muted-foreground">PCM is raw audio (24 kHz, 16-bit, mono, no header): browsers cannot play it. Download it for your audio tool.</p>
            ) : null}
            {current?.url ? (
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-muted-foreground">
                <dl aria-label="Speech metrics" className="flex flex-wrap gap-x-4 gap-y-1">
                  {(
                    [
                      ["First audio", formatMs(current.firstByteMs)],
                      ["Duration", duration ? formatClock(duration) : "—"],
                      ["Size", formatBytes(current.size)],
                      ["Cost", current.costUsd !== null ? formatCost(current.costUsd) : "—"],
                      ["Total", formatMs(current.totalMs)],
                    ] as const
                  ).map(([k, v]) => (
                    <div key={k} className="flex gap-1">
                      <dt>{k}</dt>
                      <dd className="font-medium tabular-nums text-foreground/80">{v}</dd>
                    </div>
                  ))}
                </dl>
                <Button size="sm" variant="outline" className="ml-auto" onClick={() => downloadBlobUrl(current.url!, `speech-${current.voice}.${ext(current.format)}`)}>
                  <Download aria-hidden="true" /> Download
                </Button>
              </div>
            ) : null}
            {current && current.format !== format && current.url && current.format === "wav" && format !== "wav" ? (
              <p className="mt-2 text-xs text-muted-foreground">The upstream answered in WAV instead of {FORMAT_LABEL[format]} (the local simulator does this when ffmpeg is not installed).</p>
            ) : null}
          </Card>

          {!current && !error ? <EmptyState icon={AudioLines} title="Nothing generated yet" description="Choose a voice and press Generate speech. The audio starts playing as soon as the first part arrives." /> : null}

          {history.length ? (
            <section aria-label="Earlier clips" className="space-y-2">
              <h2 className="text-sm font-semibold">Earlier in this session</h2>
              <ul className="divide-y rounded-lg border bg-card">
                {history.map((c) => (
                  <li key={c.id} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
                    <div className="min-w-0">
                      <p className="truncate text-sm">{c.text}</p>
                      <p className="text-xs text-muted-foreground">
                        {c.voice} · {c.model} · {FORMAT_LABEL[c.format]} · {c.speed}× {c.costUsd !== null ? `· ${formatCost(c.costUsd)}` : ""}
                      </p>
                    </div>
                    <div className="flex items-center gap-2">
                      {c.format !== "pcm" && c.url ? <audio controls preload="metadata" src={c.url} className="h-9 w-full sm:w-64" aria-label={`Clip: ${c.text.slice(0, 40)}`} /> : null}
                      <Button size="icon-sm" variant="ghost" aria-label="Download clip" onClick={() => c.url && downloadBlobUrl(c.url, `speech-${c.voice}.${ext(c.format)}`)}>
                        <Download aria-hidden="true" />
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
