// Duration of uploaded audio for per-minute pricing when the upstream's answer does not say
// (text, srt and vtt formats): exact for WAV, the last cue for subtitles, else an estimate.

/** Seconds of a PCM WAV from its header, or undefined when it is not one. */
export function wavDuration(bytes: Uint8Array, totalLength = bytes.length): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(bytes[o]!, bytes[o + 1]!, bytes[o + 2]!, bytes[o + 3]!);
  if (bytes.length < 44 || tag(0) !== "RIFF" || tag(8) !== "WAVE") return undefined;
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt ") byteRate = view.getUint32(offset + 16, true);
    if (id === "data" && byteRate > 0) {
      const dataBytes = Math.min(size, totalLength - offset - 8);
      return dataBytes / byteRate;
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/** The end time of the last srt/vtt cue ("00:01:02,500 --> 00:01:04,000"). */
export function subtitleDuration(text: string): number | undefined {
  const matches = [...text.matchAll(/-->\s*(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})/g)];
  const last = matches.at(-1);
  if (!last) return undefined;
  const [, h = "0", m = "0", s = "0", ms = "0"] = last;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

/** Best duration for a transcription answer that carried none. */
export async function mediaDuration(file: Blob, answer: string): Promise<number> {
  const head = new Uint8Array(await file.slice(0, Math.min(file.size, 64 * 1024)).arrayBuffer());
  const wav = wavDuration(head, file.size);
  if (wav !== undefined) return wav;
  return subtitleDuration(answer) ?? file.size / 16_000; // 128 kbit/s, a typical compressed bitrate
}
