"use client";

import * as React from "react";
import { concatSamples, downsample, encodeWav, rmsLevel } from "@/lib/playground/wav";

const TARGET_RATE = 16_000; // speech models resample to 16 kHz anyway; a quarter of 48 kHz's bytes
const MAX_SECONDS = 10 * 60; // 10 min of 16 kHz 16-bit WAV is ~19 MB, inside the 25 MB limit

export type RecorderState = "idle" | "starting" | "recording";

function micError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "Microphone access was blocked. Allow it for this site in the browser's settings, or upload a file instead.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No microphone was found. Connect one, or upload a file instead.";
  if (name === "NotReadableError") return "The microphone is in use by another application. Close it and try again.";
  return "The microphone could not be started. Upload a file instead, or try another browser.";
}

/**
 * Records the microphone with Web Audio into a 16 kHz mono WAV file, with a live level and timer.
 * ScriptProcessorNode is deprecated but runs everywhere without a separate worklet file, and a
 * recorder for short clips does not need the audio thread.
 */
export function useRecorder(onDone: (file: File, seconds: number) => void) {
  const [state, setState] = React.useState<RecorderState>("idle");
  const [level, setLevel] = React.useState(0);
  const [seconds, setSeconds] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const session = React.useRef<{ ctx: AudioContext; stream: MediaStream; chunks: Float32Array[]; rate: number; started: number; tick: number } | null>(null);
  const onDoneRef = React.useRef(onDone);
  React.useLayoutEffect(() => {
    onDoneRef.current = onDone;
  });

  const teardown = React.useCallback(() => {
    const s = session.current;
    session.current = null;
    if (!s) return null;
    window.clearInterval(s.tick);
    s.stream.getTracks().forEach((t) => t.stop());
    void s.ctx.close().catch(() => {});
    return s;
  }, []);

  const stop = React.useCallback(() => {
    const s = teardown();
    setState("idle");
    setLevel(0);
    if (!s) return;
    const samples = downsample(concatSamples(s.chunks), s.rate, TARGET_RATE);
    if (samples.length < TARGET_RATE / 10) {
      setError("The recording was too short. Record at least a second of audio.");
      return;
    }
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    const file = new File([encodeWav(samples, TARGET_RATE)], `recording-${stamp}.wav`, { type: "audio/wav" });
    onDoneRef.current(file, samples.length / TARGET_RATE);
  }, [teardown]);

  const start = React.useCallback(async () => {
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError("This browser allows the microphone only on https:// or localhost pages. Upload a file instead.");
      return;
    }
    setState("starting");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
      const ctx = new AudioContext();
      const source = ctx.createMediaStreamSource(stream);
      const processor = ctx.createScriptProcessor(4096, 1, 1);
      const mute = ctx.createGain();
      mute.gain.value = 0; // the processor must reach the destination to run; nothing is heard
      const chunks: Float32Array[] = [];
      processor.onaudioprocess = (e) => {
        const input = e.inputBuffer.getChannelData(0);
        chunks.push(new Float32Array(input));
        setLevel(rmsLevel(input));
      };
      source.connect(processor);
      processor.connect(mute);
      mute.connect(ctx.destination);
      const started = performance.now();
      const tick = window.setInterval(() => {
        const s = (performance.now() - started) / 1000;
        setSeconds(s);
        if (s >= MAX_SECONDS) stop();
      }, 200);
      session.current = { ctx, stream, chunks, rate: ctx.sampleRate, started, tick };
      setSeconds(0);
      setState("recording");
    } catch (err) {
      teardown();
      setState("idle");
      setError(micError(err));
    }
  }, [stop, teardown]);

  React.useEffect(() => () => void teardown(), [teardown]);

  return { state, level, seconds, error, start, stop, maxSeconds: MAX_SECONDS };
}
