"use client";

import * as React from "react";
import { FileAudio, Loader2, Mic, Square, Upload, X } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/error-callout";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { CatalogPrice } from "@/lib/catalog/prices";
import type { ApiClientError } from "@/lib/client/fetcher";
import { checkAudioFile, parseTranscript, TRANSCRIBE_ACCEPT, TRANSCRIPT_FORMATS, type Transcript, type TranscriptFormat } from "@/lib/playground/audio";
import { formatCost, formatPrice, transcriptionCostUsd } from "@/lib/playground/cost";
import { errorFromFetch, networkError } from "@/lib/playground/errors";
import { formatBytes, formatClock } from "@/lib/format";
import { modelsOf } from "@/lib/playground/models";
import { transcriptionSnippets } from "@/lib/playground/snippets";
import { cn } from "@/lib/utils";
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
import { TranscriptView } from "./transcript-view";
import { useRecorder } from "./use-recorder";

const LANGUAGES: [string, string][] = [
  ["", "Detect automatically"],
  ["en", "English"],
  ["es", "Spanish"],
  ["fr", "French"],
  ["de", "German"],
  ["it", "Italian"],
  ["pt", "Portuguese"],
  ["nl", "Dutch"],
  ["pl", "Polish"],
  ["sv", "Swedish"],
  ["tr", "Turkish"],
  ["ru", "Russian"],
  ["uk", "Ukrainian"],
  ["ar", "Arabic"],
  ["hi", "Hindi"],
  ["ja", "Japanese"],
  ["ko", "Korean"],
  ["zh", "Chinese"],
];
const FORMAT_LABEL: Record<TranscriptFormat, string> = { json: "JSON", text: "Plain text", srt: "SRT subtitles", vtt: "WebVTT subtitles", verbose_json: "Verbose JSON (segments)" };

interface Picked {
  file: File;
  url: string;
  seconds: number | null;
  source: "upload" | "recording";
}

interface Result {
  transcript: Transcript;
  fileName: string;
  seconds: number | null;
  costUsd: number | null;
  totalMs: number;
  model: string;
}

function describeSttModel(m: CatalogPrice): string {
  return `${formatPrice(m.perMinute)} per minute of audio`;
}

/** The length of an audio file as the browser decodes it; null when it cannot tell. */
function probeDuration(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const a = document.createElement("audio");
    const done = (v: number | null) => {
      a.removeAttribute("src");
      resolve(v);
    };
    a.preload = "metadata";
    a.onloadedmetadata = () => done(Number.isFinite(a.duration) ? a.duration : null);
    a.onerror = () => done(null);
    setTimeout(() => done(null), 5000);
    a.src = url;
  });
}

export function TranscribePlayground({ baseUrl }: { baseUrl: string }) {
  const catalog = useCatalog();
  const { keyId, selected } = usePlaygroundKey();
  const allowed = useKeyModels(keyId ? selected : undefined);
  const models = React.useMemo(() => modelsOf(catalog.data, "stt"), [catalog.data]);
  const [model, setModel] = React.useState("");
  const [language, setLanguage] = React.useState("");
  const [prompt, setPrompt] = React.useState("");
  const [format, setFormat] = React.useState<TranscriptFormat>("verbose_json");
  const [picked, setPicked] = React.useState<Picked | null>(null);
  const [fileError, setFileError] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [result, setResult] = React.useState<Result | null>(null);
  const [error, setError] = React.useState<ApiClientError | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const outputRef = React.useRef<HTMLDivElement>(null);
  const timer = useRunTimer();
  const elapsed = useElapsed(timer.startedAt, 250);

  React.useEffect(() => {
    if (!models.length || models.some((m) => m.model === model)) return;
    setModel((models.find((m) => m.model === "whisper-1") ?? models[0])!.model);
  }, [models, model]);
  const pickedUrl = picked?.url;
  React.useEffect(() => () => void (pickedUrl && URL.revokeObjectURL(pickedUrl)), [pickedUrl]);

  const choose = React.useCallback(async (file: File, source: Picked["source"], knownSeconds?: number) => {
    const problem = checkAudioFile(file);
    setFileError(problem);
    if (problem) return;
    const url = URL.createObjectURL(file);
    setPicked({ file, url, seconds: knownSeconds ?? null, source });
    setResult(null);
    setError(null);
    if (knownSeconds === undefined) {
      const seconds = await probeDuration(url);
      setPicked((p) => (p && p.url === url ? { ...p, seconds } : p));
    }
  }, []);

  const recorder = useRecorder((file, seconds) => void choose(file, "recording", seconds));
  const price = models.find((m) => m.model === model);
  const estimate = price && picked?.seconds ? transcriptionCostUsd(price, picked.seconds) : null;
  const fields = { model, language: language || undefined, prompt: prompt.trim() || undefined, response_format: format };

  const transcribe = async () => {
    if (!picked || !model || timer.running) return;
    const form = new FormData();
    form.append("file", picked.file, picked.file.name);
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    const signal = timer.begin();
    const started = performance.now();
    setError(null);
    setResult(null);
    try {
      const res = await fetch("/api/playground/v1/audio/transcriptions", { method: "POST", headers: keyHeaders(keyId), body: form, signal });
      if (!res.ok) {
        setError(await errorFromFetch(res));
        return;
      }
      const transcript = parseTranscript(format, await res.text());
      // What the gateway bills: the seconds the answer reports, else the duration it reports, else ours.
      const seconds = transcript.seconds ?? transcript.duration ?? picked.seconds;
      revealOnPhone(outputRef.current);
      setResult({ transcript, fileName: picked.file.name, seconds: transcript.duration ?? picked.seconds, costUsd: price && seconds !== null ? transcriptionCostUsd(price, seconds) : null, totalMs: performance.now() - started, model });
    } catch (err) {
      if (!isAbortError(err)) setError(networkError());
    } finally {
      timer.end();
    }
  };

  const recording = recorder.state === "recording";
  const meter = Math.min(1, Math.sqrt(recorder.level) * 1.6);

  return (
    <>
      <PageHeader
        title="Transcribe"
        description="Upload or record audio and get its transcript, with timed segments and subtitles."
        actions={<ViewCodeDialog snippets={() => transcriptionSnippets(fields, picked?.file.name ?? "audio.mp3", baseUrl)} disabled={!model} />}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr] lg:items-start">
        <Card className="min-w-0 p-4 sm:p-5 lg:col-start-1 lg:row-start-1">
          <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_14rem]">
            <div
              role="group"
              aria-label="Audio file"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                const file = e.dataTransfer.files[0];
                if (file) void choose(file, "upload");
              }}
              className={cn("flex min-h-40 flex-col items-center justify-center rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors", dragging ? "border-primary bg-primary/5" : "border-border bg-muted/20")}
            >
              <Upload className="mb-2 size-6 text-muted-foreground" aria-hidden="true" />
              <p className="text-sm font-medium">Drop an audio file here</p>
              <p className="mt-1 text-xs text-muted-foreground">flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm · up to 25 MB</p>
              <Button variant="outline" size="sm" className="mt-3" onClick={() => inputRef.current?.click()} disabled={recording}>
                Choose file
              </Button>
              <input
                ref={inputRef}
                type="file"
                accept={TRANSCRIBE_ACCEPT}
                aria-label="Upload an audio file"
                className="sr-only"
                tabIndex={-1}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void choose(file, "upload");
                  e.target.value = "";
                }}
              />
            </div>
            <div className="flex flex-col items-center justify-center gap-3 rounded-lg border bg-muted/20 px-4 py-5 text-center">
              <p className="text-sm font-medium">Or record</p>
              <div className="flex items-center gap-2 font-mono text-2xl tabular-nums" aria-live="off" aria-label="Recording time">
                {recording ? <span className="size-2.5 animate-pulse rounded-full bg-destructive" aria-hidden="true" /> : null}
                {formatClock(recording ? recorder.seconds : 0)}
              </div>
              <div role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(meter * 100)} className="h-2 w-full max-w-40 overflow-hidden rounded-full bg-muted">
                <div className={cn("h-full rounded-full transition-[width] duration-75", meter > 0.85 ? "bg-warning" : "bg-success")} style={{ width: `${recording ? meter * 100 : 0}%` }} />
              </div>
              {recording ? (
                <Button variant="destructive" size="sm" onClick={recorder.stop}>
                  <Square className="fill-current" aria-hidden="true" /> Stop recording
                </Button>
              ) : (
                <Button variant="outline" size="sm" onClick={() => void recorder.start()} loading={recorder.state === "starting"} disabled={timer.running}>
                  <Mic aria-hidden="true" /> Record
                </Button>
              )}
              <p className="text-xs text-muted-foreground">Up to {recorder.maxSeconds / 60} minutes, saved as WAV.</p>
            </div>
          </div>
          {fileError ? <Alert className="mt-4" title={fileError} /> : null}
          {recorder.error ? <Alert className="mt-4" title={recorder.error} /> : null}

          {picked ? (
            <div className="mt-4 grid gap-3 rounded-lg border p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center" aria-label="Selected audio" role="group">
              <div className="flex min-w-0 items-center gap-3">
                <FileAudio className="size-8 shrink-0 text-primary" aria-hidden="true" />
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium">{picked.file.name}</p>
                  <p className="text-xs text-muted-foreground">
                    {picked.source === "recording" ? "Recorded · " : ""}
                    {formatBytes(picked.file.size)}
                    {picked.seconds !== null ? ` · ${formatClock(picked.seconds)}` : ""}
                    {estimate !== null ? ` · about ${formatCost(estimate)}` : ""}
                  </p>
                </div>
              </div>
              <div className="flex items-center gap-2">
                <audio controls preload="metadata" src={picked.url} className="h-9 w-full sm:w-56" aria-label="Selected audio preview" />
                <Button variant="ghost" size="icon-sm" aria-label="Remove audio" onClick={() => setPicked(null)} disabled={timer.running}>
                  <X aria-hidden="true" />
                </Button>
              </div>
            </div>
          ) : null}

          <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
            {timer.running ? (
              <>
                <p role="status" className="mr-auto flex items-center gap-2 text-sm text-muted-foreground">
                  <Loader2 className="size-4 animate-spin" aria-hidden="true" /> Uploading and transcribing… {Math.floor(elapsed / 1000)} s
                </p>
                <Button variant="outline" onClick={timer.cancel}>
                  Cancel
                </Button>
              </>
            ) : (
              <Button onClick={() => void transcribe()} disabled={!picked || !model || recording}>
                Transcribe
              </Button>
            )}
          </div>
        </Card>

        <SettingsCard label="Transcription settings" className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <ModelPicker id="stt-model" models={models} loading={catalog.isPending} allowed={allowed} value={model} onChange={setModel} describe={describeSttModel} />
          <Field id="stt-language" label="Language" hint="Naming the language improves accuracy and speed.">
            <Select id="stt-language" value={language} onChange={(e) => setLanguage(e.target.value)} aria-describedby={fieldMessageId("stt-language")}>
              {LANGUAGES.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="stt-format" label="Response format">
            <Select id="stt-format" value={format} onChange={(e) => setFormat(e.target.value as TranscriptFormat)}>
              {TRANSCRIPT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABEL[f]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="stt-prompt" label="Prompt" hint="Optional: names, terms or the previous sentence, to guide spelling and style.">
            <Textarea id="stt-prompt" value={prompt} onChange={(e) => setPrompt(e.target.value)} aria-describedby={fieldMessageId("stt-prompt")} className="min-h-20 resize-y text-[13px]" placeholder="Apertis, OpenAI, SSE" />
          </Field>
          <KeySelect id="stt-key" />
        </SettingsCard>

        <div ref={outputRef} className="min-w-0 scroll-mt-20 space-y-6 lg:col-start-1 lg:row-start-2">
          {error ? <PlaygroundError error={error} model={model} keyName={keyId ? selected?.name : "Playground key"} onRetry={() => void transcribe()} /> : null}
          {result ? <TranscriptView key={result.totalMs} {...result} /> : null}
        </div>
      </div>
    </>
  );
}
