// POST /v1/audio/transcriptions: reports what it received instead of transcribing it. WAV
// durations are exact (from the header); other formats are estimated from size and say so.
import { SimError, invalidParameter, invalidRequest, missingParameter, modelNotFound, tooLarge } from "./errors";
import type { Exchange } from "./exchange";
import { applyFault, requestedFault } from "./faults";
import { isKnownModel } from "./models";
import { parseWav } from "./wav";

const MAX_FILE = 25 * 1024 * 1024;
const FORMATS = ["json", "text", "srt", "vtt", "verbose_json"] as const;
type Format = (typeof FORMATS)[number];
/** Typical bitrates (bytes per second) for estimating a duration without decoding. */
const BYTES_PER_SECOND: [RegExp, number][] = [
  [/ogg|opus|webm/, 4_000], // ~32 kbit/s speech codecs
  [/flac/, 88_200], // ~half of CD-quality PCM
  [/wav|wave/, 32_000], // a WAV whose header would not parse: 16 kHz 16-bit mono
];
const DEFAULT_BYTES_PER_SECOND = 16_000; // 128 kbit/s: mp3, m4a, mp4, aac
const LANGUAGE_NAMES: Record<string, string> = {
  en: "english", de: "german", es: "spanish", fr: "french", it: "italian", ja: "japanese",
  nl: "dutch", pt: "portuguese", ru: "russian", zh: "chinese",
};
const EXTENSION_TYPES: Record<string, string> = {
  flac: "audio/flac", m4a: "audio/mp4", mp3: "audio/mpeg", mp4: "audio/mp4", mpeg: "audio/mpeg",
  mpga: "audio/mpeg", ogg: "audio/ogg", wav: "audio/wav", webm: "audio/webm",
};

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function timestamp(seconds: number, separator: "," | "."): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

export async function transcriptions(ex: Exchange, raw: Buffer): Promise<void> {
  const contentType = ex.req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) throw invalidRequest("Expected a multipart/form-data body with 'file' and 'model'.");
  let form: FormData;
  try {
    // The platform's own multipart parser (undici): robust where a hand-rolled one would not be.
    const bytes = new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.length); // Node buffers are never shared here
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw invalidRequest("Could not parse the multipart/form-data body.");
  }

  const model = field(form, "model");
  if (!model) throw missingParameter("model");
  if (!isKnownModel(model)) throw modelNotFound(model);
  // Multipart bodies are not parsed before routing, so a `sim-fault-*` model is honoured here.
  if (!ex.fault) {
    ex.fault = requestedFault(undefined, model);
    if (!(await applyFault(ex))) return;
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw missingParameter("file");
  if (file.size > MAX_FILE) throw tooLarge("Audio files are limited to 25 MB.");
  if (file.size === 0) throw new SimError(400, "invalid_request_error", "invalid_file_format", "The audio file is empty.", "file");
  const format = (field(form, "response_format") ?? "json") as Format;
  if (!FORMATS.includes(format)) throw invalidParameter("response_format", `'response_format' must be one of ${FORMATS.join(", ")}.`);
  const language = field(form, "language") ?? "en";

  const name = file instanceof File ? file.name : "";
  const wav = parseWav(Buffer.from(await file.arrayBuffer()));
  // Clients often send "application/octet-stream"; the content or the file name then says more.
  const declared = file.type && file.type !== "application/octet-stream" ? file.type : undefined;
  const mime = declared ?? (wav ? "audio/wav" : EXTENSION_TYPES[name.split(".").pop()?.toLowerCase() ?? ""]) ?? "application/octet-stream";
  const duration = wav
    ? wav.dataBytes / wav.byteRate
    : file.size / (BYTES_PER_SECOND.find(([pattern]) => pattern.test(`${mime} ${name}`))?.[1] ?? DEFAULT_BYTES_PER_SECOND);
  const text = `Simulated transcription (local upstream, not a model): received a ${duration.toFixed(2)} s${wav ? "" : " (estimated)"} ${mime} file of ${file.size} bytes, language ${language}.`;
  const usage = { type: "duration", seconds: Math.ceil(duration) };

  switch (format) {
    case "text":
      ex.send(200, "text/plain; charset=utf-8", `${text}\n`);
      return;
    case "srt":
      ex.send(200, "text/plain; charset=utf-8", `1\n${timestamp(0, ",")} --> ${timestamp(duration, ",")}\n${text}\n\n`);
      return;
    case "vtt":
      ex.send(200, "text/vtt; charset=utf-8", `WEBVTT\n\n${timestamp(0, ".")} --> ${timestamp(duration, ".")}\n${text}\n\n`);
      return;
    case "verbose_json":
      ex.json(200, {
        task: "transcribe",
        language: LANGUAGE_NAMES[language] ?? language,
        duration,
        text,
        segments: [
          { id: 0, seek: 0, start: 0, end: duration, text, tokens: [], temperature: 0, avg_logprob: 0, compression_ratio: 1, no_speech_prob: 0 },
        ],
        usage,
      });
      return;
    case "json":
      ex.json(200, { text, usage });
  }
}
