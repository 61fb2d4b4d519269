// POST /v1/audio/speech: real audio of the input text, streamed as it is produced. espeak-ng speaks
// when installed (else one beep per word); ffmpeg encodes mp3/opus/aac/flac when installed (else
// the answer is WAV, and says so in `x-simulated-format`).
import { execFile, spawn, type ChildProcessByStdio } from "node:child_process";
import { Duplex, pipeline, type Readable, type Writable } from "node:stream";
import { SimError, invalidParameter, missingParameter } from "./errors";
import type { Exchange } from "./exchange";
import { requireModel } from "./models";
import { optionalNumber, optionalString, requireString, type Body } from "./params";
import { SAMPLE_RATE, WavTo24k, tonePcm, wavHeader } from "./wav";

export interface AudioTools {
  espeak: boolean;
  ffmpeg: boolean;
}

const MAX_INPUT = 4096;
const VOICES = ["alloy", "echo", "fable", "onyx", "nova", "shimmer"] as const;
type Voice = (typeof VOICES)[number];
const FORMATS = ["mp3", "opus", "aac", "flac", "wav", "pcm"] as const;
type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Format, string> = {
  mp3: "audio/mpeg",
  opus: "audio/ogg",
  aac: "audio/aac",
  flac: "audio/flac",
  wav: "audio/wav",
  pcm: "audio/pcm",
};
const ENCODER_ARGS: Partial<Record<Format, string[]>> = {
  mp3: ["-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"],
  opus: ["-c:a", "libopus", "-b:a", "32k", "-f", "ogg"],
  aac: ["-c:a", "aac", "-b:a", "64k", "-f", "adts"],
  flac: ["-c:a", "flac", "-f", "flac"],
};
/** Distinct espeak-ng voices so the six OpenAI voices sound different from one another. */
const ESPEAK_VOICES: Record<Voice, string> = {
  alloy: "en-us",
  echo: "en-us+m3",
  fable: "en-gb",
  onyx: "en-us+m7",
  nova: "en-us+f3",
  shimmer: "en-us+f4",
};
const ESPEAK_WPM = 175; // espeak-ng's default rate, i.e. speed 1

let detection: Promise<AudioTools> | undefined;

function onPath(binary: string): Promise<boolean> {
  return new Promise((resolve) => execFile("which", [binary], (error) => resolve(!error)));
}

/** Looks for the binaries once per process, not per request. */
export function detectAudioTools(): Promise<AudioTools> {
  detection ??= Promise.all([onPath("espeak-ng"), onPath("ffmpeg")]).then(([espeak, ffmpeg]) => ({ espeak, ffmpeg }));
  return detection;
}

/** Spawns a filter process whose death kills the exchange's stream rather than the server. */
function child(ex: Exchange, command: string, args: string[]): ChildProcessByStdio<Writable, Readable, null> {
  const proc = spawn(command, args, { stdio: ["pipe", "pipe", "ignore"] });
  proc.on("error", (error) => proc.stdout.destroy(error));
  proc.stdin.on("error", () => {}); // EPIPE when the process exits early: its stdout reports the failure
  ex.onClose(() => proc.kill("SIGKILL"));
  return proc;
}

export function speech(ex: Exchange, body: Body, tools: AudioTools): void {
  requireModel(body);
  const input = requireString(body, "input");
  if (input.length > MAX_INPUT) throw invalidParameter("input", `'input' is longer than ${MAX_INPUT} characters.`);
  const voice = optionalString(body, "voice", VOICES);
  if (!voice) throw missingParameter("voice");
  const requested = optionalString(body, "response_format", FORMATS) ?? "mp3";
  const speed = optionalNumber(body, "speed", 0.25, 4) ?? 1;

  const encoderArgs = tools.ffmpeg ? ENCODER_ARGS[requested] : undefined;
  const format: Format = ENCODER_ARGS[requested] && !encoderArgs ? "wav" : requested;
  const extra: Record<string, string> = { "x-simulated-voice": tools.espeak ? "espeak-ng" : "tone" };
  if (format !== requested) extra["x-simulated-format"] = format;
  if (ex.fault === "malformed") {
    ex.send(200, CONTENT_TYPES[format], "Simulated malformed audio (local upstream): these bytes are not audio.", extra);
    return;
  }

  const stages: NodeJS.ReadWriteStream[] = [];
  let source: Readable;
  if (tools.espeak) {
    const wpm = Math.min(450, Math.max(80, Math.round(ESPEAK_WPM * speed)));
    // Text goes through stdin so nothing in it can be read as an option.
    const espeak = child(ex, "espeak-ng", ["--stdout", "--stdin", "-v", ESPEAK_VOICES[voice], "-s", String(wpm)]);
    espeak.stdin.end(input);
    source = espeak.stdout;
    stages.push(new WavTo24k());
  } else {
    source = tonePcm(input, speed);
  }
  if (encoderArgs) {
    const ffmpeg = child(ex, "ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", String(SAMPLE_RATE), "-ac", "1", "-i", "pipe:0", ...encoderArgs, "pipe:1"]);
    stages.push(Duplex.from({ writable: ffmpeg.stdin, readable: ffmpeg.stdout }));
  } else if (format === "wav") {
    stages.push(
      Duplex.from(async function* (pcm: AsyncIterable<Buffer>) {
        yield wavHeader();
        yield* pcm;
      }),
    );
  }

  const { res } = ex;
  // Headers go out with the first audio bytes, so a synthesiser that fails at once still gets a 500.
  for (const [name, value] of Object.entries(ex.headers(CONTENT_TYPES[format], extra))) if (value !== undefined) res.setHeader(name, value);
  let settled = false;
  const fail = (error: Error): void => {
    if (settled || ex.closed) return;
    settled = true;
    if (res.headersSent) res.destroy(error);
    else ex.fail(new SimError(500, "server_error", "internal_error", `Speech synthesis failed (local upstream): ${error.message}`));
  };
  const last = stages[stages.length - 1];
  if (last) pipeline([source, ...stages], (error) => error && fail(error));
  const audio = (last ?? source) as Readable;
  ex.onClose(() => audio.destroy());
  audio.on("error", fail);
  audio.on("data", (chunk: Buffer) => {
    if (ex.fault === "cut") {
      settled = true;
      audio.destroy();
      res.write(chunk, () => ex.cut());
    } else if (!res.write(chunk)) audio.pause();
  });
  res.on("drain", () => audio.resume());
  // Streams built with Duplex.from() emit "end" even when destroyed, so check settled here too.
  audio.on("end", () => {
    if (settled) return;
    settled = true;
    res.end();
  });
}
