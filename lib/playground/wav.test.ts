import { describe, expect, it } from "vitest";
import { concatSamples, downsample, encodeWav, rmsLevel } from "./wav";

describe("encodeWav", () => {
  it("writes a 16-bit mono PCM header whose byte rate gives the exact duration", () => {
    const samples = new Float32Array(16_000 * 2).map((_, i) => Math.sin(i / 10));
    const buf = encodeWav(samples, 16_000);
    const view = new DataView(buf);
    const text = (o: number) => String.fromCharCode(...new Uint8Array(buf, o, 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint16(34, true)).toBe(16);
    const dataBytes = view.getUint32(40, true);
    expect(dataBytes / view.getUint32(28, true)).toBe(2); // seconds
    expect(buf.byteLength).toBe(44 + dataBytes);
  });

  it("clips samples outside -1..1", () => {
    const view = new DataView(encodeWav(Float32Array.from([2, -2]), 8000));
    expect(view.getInt16(44, true)).toBe(32767);
    expect(view.getInt16(46, true)).toBe(-32768);
  });
});

describe("downsample / concat / level", () => {
  it("keeps the duration when lowering the rate", () => {
    const input = new Float32Array(48_000).fill(0.5);
    const out = downsample(input, 48_000, 16_000);
    expect(out.length).toBe(16_000);
    expect(out[100]).toBeCloseTo(0.5);
  });

  it("joins chunks in order and measures loudness", () => {
    expect(Array.from(concatSamples([Float32Array.from([1]), Float32Array.from([2, 3])]))).toEqual([1, 2, 3]);
    expect(rmsLevel(new Float32Array(10))).toBe(0);
    expect(rmsLevel(new Float32Array(10).fill(0.5))).toBeCloseTo(0.5);
  });
});
