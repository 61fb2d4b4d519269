// Audio formats and file checks for the speech and transcription playgrounds.

export const SPEECH_FORMATS = ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const;
export type SpeechFormat = (typeof SPEECH_FORMATS)[number];

export const SPEECH_MIME: Record<SpeechFormat, string> = {
  mp3: "audio/mpeg",
  opus: "audio/ogg; codecs=opus",
  aac: "audio/aac",
  flac: "audio/flac",
  wav: "audio/wav",
  pcm: "audio/pcm",
};

export const SPEECH_MAX_CHARS = 4096;

/** Which formats this browser can play: pcm is raw samples, never playable, offered as download. */
export function playableFormats(canPlayType: (mime: string) => string): Record<SpeechFormat, boolean> {
  const out = {} as Record<SpeechFormat, boolean>;
  for (const f of SPEECH_FORMATS) out[f] = f !== "pcm" && canPlayType(SPEECH_MIME[f]) !== "";
  return out;
}

/** The format actually received: the simulator without ffmpeg answers WAV and says so. */
export function receivedFormat(requested: SpeechFormat, contentType: string | null, simulatedFormat: string | null): SpeechFormat {
  if (simulatedFormat && (SPEECH_FORMATS as readonly string[]).includes(simulatedFormat)) return simulatedFormat as SpeechFormat;
  const ct = (contentType ?? "").toLowerCase();
  if (ct.includes("wav")) return "wav";
  if (ct.includes("mpeg") || ct.includes("mp3")) return "mp3";
  if (ct.includes("ogg") || ct.includes("opus")) return "opus";
  if (ct.includes("flac")) return "flac";
  if (ct.includes("aac")) return "aac";
  return requested;
}

export const TRANSCRIBE_EXTENSIONS = ["flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "oga", "wav", "webm"] as const;
export const TRANSCRIBE_MAX_BYTES = 25 * 1024 * 1024;
export const TRANSCRIBE_ACCEPT = [...TRANSCRIBE_EXTENSIONS.map((e) => `.${e}`), "audio/*", "video/mp4", "video/webm"].join(",");

/** Why a file cannot be transcribed, in words a person can act on; null when it can. */
export function checkAudioFile(file: { name: string; size: number }): string | null {
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!(TRANSCRIBE_EXTENSIONS as readonly string[]).includes(ext)) {
    return `${file.name} is not a supported audio file. Use flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > TRANSCRIBE_MAX_BYTES) {
    return `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; the limit is 25 MB. Trim or compress it (for example to mp3 or opus) and try again.`;
  }
  return null;
}

export const TRANSCRIPT_FORMATS = ["json", "text", "srt", "vtt", "verbose_json"] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export interface TranscriptSegment {
  id: number;
  start: number;
  end: number;
  text: string;
}

export interface Transcript {
  format: TranscriptFormat;
  /** The plain text of the transcript. */
  text: string;
  /** The body exactly as received (for download and the raw view). */
  raw: string;
  language?: string;
  duration?: number;
  /** Billed seconds when the answer reports them (usage.seconds). */
  seconds?: number;
  segments?: TranscriptSegment[];
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Reads a transcription answer in any of the five formats. */
export function parseTranscript(format: TranscriptFormat, body: string): Transcript {
  if (format === "json" || format === "verbose_json") {
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return { format, text: body, raw: body };
    }
    const usage = (data.usage ?? {}) as Record<string, unknown>;
    const segments = Array.isArray(data.segments)
      ? data.segments.flatMap((s, i) => {
          const seg = s as Record<string, unknown>;
          const start = num(seg.start);
          const end = num(seg.end);
          return typeof seg.text === "string" && start !== undefined && end !== undefined ? [{ id: num(seg.id) ?? i, start, end, text: seg.text.trim() }] : [];
        })
      : undefined;
    return {
      format,
      text: typeof data.text === "string" ? data.text : "",
      raw: format === "verbose_json" || format === "json" ? JSON.stringify(data, null, 2) : body,
      language: typeof data.language === "string" ? data.language : undefined,
      duration: num(data.duration),
      seconds: num(usage.seconds),
      segments,
    };
  }
  if (format === "srt" || format === "vtt") {
    // The text lines of the cues, without numbers, timings or the WEBVTT header.
    const text = body
      .split(/\r?\n/)
      .filter((l) => l.trim() && l.trim() !== "WEBVTT" && !/^\d+$/.test(l.trim()) && !l.includes("-->"))
      .join("\n");
    return { format, text, raw: body };
  }
  return { format, text: body.trim(), raw: body };
}

export const TRANSCRIPT_FILE: Record<TranscriptFormat, { ext: string; mime: string }> = {
  json: { ext: "json", mime: "application/json" },
  verbose_json: { ext: "json", mime: "application/json" },
  text: { ext: "txt", mime: "text/plain" },
  srt: { ext: "srt", mime: "application/x-subrip" },
  vtt: { ext: "vtt", mime: "text/vtt" },
};
