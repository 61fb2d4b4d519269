// Plays a speech response while it downloads. mp3 goes through MediaSource, so playback starts
// with the first frames; every other format (or a browser without MSE for mp3) plays once the
// whole file is in. Either way the complete file comes back as a Blob for download.

export interface StreamedAudio {
  blob: Blob;
  /** Milliseconds from the call to the first audio bytes. */
  firstByteMs: number | null;
  /** True when playback could start before the download finished. */
  progressive: boolean;
}

function once(target: EventTarget, event: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException("Aborted", "AbortError"));
    target.addEventListener(event, () => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, { once: true });
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function canStream(mime: string): boolean {
  return typeof MediaSource !== "undefined" && MediaSource.isTypeSupported(mime);
}

export async function playResponse(opts: {
  res: Response;
  mime: string;
  audio: HTMLAudioElement;
  started: number;
  signal: AbortSignal;
  onBytes?: (received: number) => void;
  /** Whether the format can be played at all (pcm cannot). */
  playable: boolean;
}): Promise<StreamedAudio> {
  const { res, mime, audio, started, signal, onBytes, playable } = opts;
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let firstByteMs: number | null = null;
  let progressive = playable && mime === "audio/mpeg" && canStream(mime);

  let sourceBuffer: SourceBuffer | null = null;
  let mediaSource: MediaSource | null = null;
  if (progressive) {
    mediaSource = new MediaSource();
    audio.src = URL.createObjectURL(mediaSource);
    await once(mediaSource, "sourceopen", signal);
    sourceBuffer = mediaSource.addSourceBuffer(mime);
  }

  let startedPlaying = false;
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      firstByteMs ??= performance.now() - started;
      chunks.push(value);
      received += value.length;
      onBytes?.(received);
      if (sourceBuffer) {
        try {
          // Safe: fetch bodies are never backed by a SharedArrayBuffer, which is all the DOM type excludes.
          sourceBuffer.appendBuffer(value as Uint8Array<ArrayBuffer>);
          await once(sourceBuffer, "updateend", signal);
        } catch (err) {
          if (signal.aborted) throw err;
          // The decoder refused a chunk: keep downloading and play the whole file at the end.
          sourceBuffer = null;
          progressive = false;
          continue;
        }
        if (!startedPlaying) {
          startedPlaying = true;
          audio.play().catch(() => {});
        }
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  if (mediaSource && mediaSource.readyState === "open") {
    try {
      mediaSource.endOfStream();
    } catch {
      // a source buffer still updating after a refused chunk: the blob below plays instead
    }
  }

  const blob = new Blob(chunks as BlobPart[], { type: mime }); // same reason as appendBuffer above
  if (!progressive && playable) {
    audio.src = URL.createObjectURL(blob);
    audio.play().catch(() => {});
  }
  return { blob, firstByteMs, progressive };
}
