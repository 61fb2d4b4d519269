// 16-bit mono PCM plumbing for the speech endpoint and WAV inspection for transcriptions. All
// simulated audio is 24 kHz signed 16-bit little-endian mono, OpenAI's `pcm` format.
import { Readable, Transform, type TransformCallback } from "node:stream";
import { hash53 } from "./text";

export const SAMPLE_RATE = 24_000;
/** Size fields of a streamed WAV whose length is unknown when the header is sent. */
const UNKNOWN_SIZE = 0xffffffff;
/** A WAV header larger than this is not something espeak-ng (or anyone sane) sends. */
const MAX_HEADER = 64 * 1024;

/** A 44-byte header for 24 kHz mono s16le; without `dataBytes` the sizes say "unknown" (streaming). */
export function wavHeader(dataBytes?: number): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(dataBytes === undefined ? UNKNOWN_SIZE : 36 + dataBytes, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "latin1");
  header.writeUInt32LE(dataBytes ?? UNKNOWN_SIZE, 40);
  return header;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  byteRate: number;
  /** Offset of the first sample byte. */
  dataOffset: number;
  /** Sample bytes actually present (streamed WAVs declare more than they hold). */
  dataBytes: number;
}

/** Walks the RIFF chunks up to `data`; null when the bytes are not a (complete enough) WAV. */
export function parseWav(bytes: Buffer): WavInfo | null {
  if (bytes.length < 12 || bytes.toString("latin1", 0, 4) !== "RIFF" || bytes.toString("latin1", 8, 12) !== "WAVE") return null;
  let format: Omit<WavInfo, "dataOffset" | "dataBytes"> | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString("latin1", offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt " && body + 16 <= bytes.length) {
      format = { channels: bytes.readUInt16LE(body + 2), sampleRate: bytes.readUInt32LE(body + 4), byteRate: bytes.readUInt32LE(body + 8) };
    } else if (id === "data") {
      if (!format || format.byteRate === 0) return null;
      return { ...format, dataOffset: body, dataBytes: Math.min(size, bytes.length - body) };
    }
    offset = body + size + (size & 1); // chunks are word-aligned
  }
  return null;
}

/**
 * Turns a streamed 16-bit mono WAV (espeak-ng writes 22,050 Hz) into 24 kHz PCM as it arrives,
 * by linear interpolation, carrying the last sample and the phase across chunk boundaries.
 */
export class WavTo24k extends Transform {
  private header: Buffer | null = Buffer.alloc(0);
  /** Input samples per output sample. */
  private step = 1;
  /** Output samples emitted so far. */
  private emitted = 0;
  /** Input index (from the stream start) of `previous`, the last sample of the previous chunk. */
  private base = 0;
  private previous: number | null = null;
  private oddByte: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let pcm = chunk;
    if (this.header) {
      this.header = Buffer.concat([this.header, chunk]);
      const info = parseWav(this.header);
      if (!info) {
        done(this.header.length > MAX_HEADER ? new Error("speech synthesiser sent no WAV header") : null);
        return;
      }
      this.step = info.sampleRate / SAMPLE_RATE;
      pcm = this.header.subarray(info.dataOffset);
      this.header = null;
    }
    if (this.oddByte) {
      pcm = Buffer.concat([this.oddByte, pcm]);
      this.oddByte = null;
    }
    if (pcm.length & 1) {
      this.oddByte = Buffer.from(pcm.subarray(pcm.length - 1));
      pcm = pcm.subarray(0, pcm.length - 1);
    }
    done(null, this.resample(pcm));
  }

  private resample(pcm: Buffer): Buffer {
    const lead = this.previous === null ? 0 : 1;
    const total = lead + (pcm.length >> 1);
    const previous = this.previous ?? 0;
    const sample = (k: number) => (k < lead ? previous : pcm.readInt16LE((k - lead) * 2));
    const out = Buffer.allocUnsafe((Math.ceil(total / this.step) + 1) * 2);
    let written = 0;
    // Positions come from the output index, never from a running sum, so rounding (and thus
    // the bytes) does not depend on where the synthesiser happened to split its output.
    for (let t = this.emitted * this.step - this.base; t < total - 1; t = this.emitted * this.step - this.base) {
      // Interpolate only between samples we hold; the last one waits for the next chunk.
      const i = Math.floor(t);
      const a = sample(i);
      out.writeInt16LE(Math.round(a + (sample(i + 1) - a) * (t - i)), written);
      written += 2;
      this.emitted++;
    }
    if (total > 0) {
      this.previous = sample(total - 1);
      this.base += total - 1;
    }
    return out.subarray(0, written);
  }
}

/** Stand-in voice when espeak-ng is missing: one soft beep per word, pitched by the word. */
export function tonePcm(text: string, speed: number): Readable {
  const words = text.split(/\s+/).filter(Boolean);
  function* beeps(): Generator<Buffer> {
    for (const word of words.length > 0 ? words : ["."]) {
      const frequency = 220 + (hash53(word) % 440);
      const toneSamples = Math.round((SAMPLE_RATE * (0.06 + 0.02 * Math.min(word.length, 12))) / speed);
      const gapSamples = Math.round((SAMPLE_RATE * 0.07) / speed);
      const fade = Math.max(1, Math.min(240, toneSamples >> 2));
      const pcm = Buffer.alloc((toneSamples + gapSamples) * 2); // zeros: the gap is silence
      for (let i = 0; i < toneSamples; i++) {
        const envelope = Math.min(1, i / fade, (toneSamples - i) / fade);
        pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE) * 8000 * envelope), i * 2);
      }
      yield pcm;
    }
  }
  return Readable.from(beeps(), { objectMode: false });
}
