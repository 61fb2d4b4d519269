import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { countMessages, countText, simulatedReply, splitPieces } from "./text";
import { SAMPLE_RATE, WavTo24k, parseWav, wavHeader } from "./wav";

describe("deterministic text", () => {
  it("is a pure function of its inputs and says it is simulated", () => {
    const a = simulatedReply("gpt-4o-mini", "What is 2+2?", "seed");
    expect(simulatedReply("gpt-4o-mini", "What is 2+2?", "seed")).toEqual(a);
    expect(a.text).toMatch(/^Simulated reply from gpt-4o-mini \(local upstream, not a model\)\. You asked about: "What is 2\+2\?"/);
    expect(a.tokens).toBe(countText(a.text));
    expect(a.tokens).toBeGreaterThanOrEqual(40);
    expect(a.tokens).toBeLessThan(100);
    expect(simulatedReply("gpt-4o-mini", "What is 2+2?", "other seed").text).not.toBe(a.text);
  });

  it("honours a token limit and reports the truncation", () => {
    const short = simulatedReply("gpt-4o", "hello", "seed", 5);
    expect(short.tokens).toBeLessThanOrEqual(5);
    expect(short.truncated).toBe(true);
    expect(simulatedReply("gpt-4o", "hello", "seed").text.startsWith(short.text)).toBe(true);
  });

  it("splits into pieces that concatenate back to the text", () => {
    const text = simulatedReply("m", "q", "s").text;
    const pieces = splitPieces(text, 12);
    expect(pieces).toHaveLength(12);
    expect(pieces.join("")).toBe(text);
    expect(splitPieces("two words", 12)).toEqual(["two", " words"]);
  });

  it("counts special-token look-alikes in user text as plain text", () => {
    expect(countMessages([{ role: "user", content: "say <|endoftext|> please" }])).toBeGreaterThan(6);
  });
});

describe("wav", () => {
  it("parses the exact duration, even from a streamed header that overstates the size", () => {
    const pcm = Buffer.alloc(SAMPLE_RATE * 2 * 2); // 2 s
    expect(parseWav(Buffer.concat([wavHeader(pcm.length), pcm]))?.dataBytes).toBe(pcm.length);
    const streamed = parseWav(Buffer.concat([wavHeader(), pcm]));
    expect(streamed && streamed.dataBytes / streamed.byteRate).toBe(2);
    expect(parseWav(Buffer.from("not a wav file at all"))).toBeNull();
  });

  it("resamples a 22,050 Hz WAV stream to 24 kHz across odd chunk boundaries", async () => {
    const inRate = 22_050;
    const header = wavHeader(inRate * 2);
    header.writeUInt32LE(inRate, 24);
    header.writeUInt32LE(inRate * 2, 28);
    const input = Buffer.concat([header, Buffer.alloc(inRate * 2, 1)]); // 1 s
    const chunks = [input.subarray(0, 30), input.subarray(30, 1001), input.subarray(1001)];
    const out: Buffer[] = [];
    for await (const chunk of Readable.from(chunks).pipe(new WavTo24k())) out.push(chunk as Buffer);
    const samples = Buffer.concat(out).length / 2;
    expect(Math.abs(samples - SAMPLE_RATE)).toBeLessThan(3);
  });
});
