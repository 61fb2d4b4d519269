import { describe, expect, it } from "vitest";
import { checkAudioFile, parseTranscript, playableFormats, receivedFormat } from "./audio";

describe("checkAudioFile", () => {
  it("accepts the documented types up to 25 MB", () => {
    expect(checkAudioFile({ name: "talk.WAV", size: 1000 })).toBeNull();
    expect(checkAudioFile({ name: "memo.m4a", size: 25 * 1024 * 1024 })).toBeNull();
  });

  it("explains what is wrong before any upload", () => {
    expect(checkAudioFile({ name: "notes.txt", size: 10 })).toMatch(/not a supported audio file.*flac, mp3/);
    expect(checkAudioFile({ name: "long.mp3", size: 30 * 1024 * 1024 })).toMatch(/30\.0 MB; the limit is 25 MB/);
    expect(checkAudioFile({ name: "empty.wav", size: 0 })).toMatch(/empty/);
  });
});

describe("parseTranscript", () => {
  it("reads verbose_json segments, duration and billed seconds", () => {
    const t = parseTranscript(
      "verbose_json",
      JSON.stringify({ task: "transcribe", language: "english", duration: 2.5, text: "Hello there.", segments: [{ id: 0, start: 0, end: 2.5, text: " Hello there." }], usage: { type: "duration", seconds: 3 } }),
    );
    expect(t).toMatchObject({ text: "Hello there.", language: "english", duration: 2.5, seconds: 3, segments: [{ id: 0, start: 0, end: 2.5, text: "Hello there." }] });
  });

  it("takes the cue text out of srt and vtt", () => {
    expect(parseTranscript("srt", "1\n00:00:00,000 --> 00:00:02,000\nHello.\n\n").text).toBe("Hello.");
    expect(parseTranscript("vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n\n").text).toBe("Hello.");
    expect(parseTranscript("text", "Hello.\n").text).toBe("Hello.");
  });
});

describe("formats", () => {
  it("offers pcm as download only and follows canPlayType for the rest", () => {
    const can = playableFormats((mime) => (mime.startsWith("audio/mpeg") || mime === "audio/wav" ? "probably" : ""));
    expect(can).toEqual({ mp3: true, opus: false, aac: false, flac: false, wav: true, pcm: false });
  });

  it("believes the response about the format it carries", () => {
    expect(receivedFormat("mp3", "audio/wav", "wav")).toBe("wav");
    expect(receivedFormat("opus", "audio/ogg", null)).toBe("opus");
    expect(receivedFormat("pcm", "audio/pcm", null)).toBe("pcm");
  });
});
