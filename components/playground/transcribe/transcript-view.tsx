"use client";

import * as React from "react";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { TRANSCRIPT_FILE, type Transcript } from "@/lib/playground/audio";
import { formatCost } from "@/lib/playground/cost";
import { formatClock, formatMs, formatTimestamp } from "@/lib/format";

function download(text: string, name: string, mime: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "01:02.345", with hours only when the audio runs that long. */
function segmentTime(seconds: number): string {
  const t = formatTimestamp(seconds);
  return seconds < 3600 ? t.slice(3) : t;
}

/** The transcript: text (copy, download in the received format), timed segments, the raw answer. */
export function TranscriptView({ transcript, fileName, seconds, costUsd, totalMs, model }: { transcript: Transcript; fileName: string; seconds: number | null; costUsd: number | null; totalMs: number; model: string }) {
  const { ext, mime } = TRANSCRIPT_FILE[transcript.format];
  const base = fileName.replace(/\.[^.]+$/, "") || "transcript";
  const hasSegments = Boolean(transcript.segments?.length);
  const [tab, setTab] = React.useState(hasSegments ? "segments" : "text");
  return (
    <section aria-label="Transcript" className="rounded-lg border bg-card shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b px-4 py-3">
        <div>
          <h2 className="text-sm font-semibold">Transcript</h2>
          <dl aria-label="Transcription metrics" className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
            {(
              [
                ["Model", model],
                ["Audio", seconds !== null ? formatClock(seconds) : "—"],
                ...(transcript.language ? ([["Language", transcript.language]] as const) : []),
                ["Cost", costUsd !== null ? formatCost(costUsd) : "—"],
                ["Total", formatMs(totalMs)],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="flex gap-1">
                <dt>{k}</dt>
                <dd className="font-medium tabular-nums text-foreground/80">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="flex items-center gap-1">
          <CopyButton value={transcript.text} label="Copy text" showText />
          <Button variant="ghost" size="sm" onClick={() => download(transcript.raw, `${base}.${ext}`, mime)}>
            <Download aria-hidden="true" /> Download .{ext}
          </Button>
        </div>
      </header>
      <Tabs value={tab} onValueChange={setTab} className="p-4">
        <TabsList aria-label="Transcript view" className="mb-3">
          <TabsTrigger value="text">
            Text
          </TabsTrigger>
          {hasSegments ? (
            <TabsTrigger value="segments">
              Segments
            </TabsTrigger>
          ) : null}
          <TabsTrigger value="raw">
            Raw
          </TabsTrigger>
        </TabsList>
        <TabsContent value="text">
          <p className="whitespace-pre-wrap text-[15px] leading-relaxed">
            {transcript.text || <span className="text-muted-foreground">The model heard no speech.</span>}
          </p>
        </TabsContent>
        {hasSegments ? (
          <TabsContent value="segments">
            <ol aria-label="Segments" className="divide-y">
              {transcript.segments!.map((s) => (
                <li key={s.id} className="grid gap-1 py-2 sm:grid-cols-[10.5rem_minmax(0,1fr)] sm:gap-3">
                  <span className="whitespace-nowrap pt-0.5 font-mono text-xs tabular-nums text-muted-foreground">
                    {segmentTime(s.start)} → {segmentTime(s.end)}
                  </span>
                  <span className="text-sm">{s.text}</span>
                </li>
              ))}
            </ol>
          </TabsContent>
        ) : null}
        <TabsContent value="raw">
          <pre className="max-h-96 overflow-auto rounded-md bg-muted/50 p-3 font-mono text-xs leading-relaxed">{transcript.raw}</pre>
        </TabsContent>
      </Tabs>
    </section>
  );
}
