import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildChatBody, DEFAULT_PARAMS } from "./chat-request";
import { chatSnippets, elideDataUrls, IMAGE_PLACEHOLDER, imageSnippets, speechSnippets, transcriptionSnippets, type Snippets } from "./snippets";

const BASE = "http://localhost:3000/v1";
const dir = mkdtempSync(path.join(tmpdir(), "snippets-"));
const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** Each snippet must at least parse in its own language: shell, Python, JavaScript (ESM). */
function expectValid(s: Snippets, name: string) {
  const sh = spawnSync("bash", ["-n", "-c", s.curl], { encoding: "utf8" });
  expect(sh.status, sh.stderr).toBe(0);
  const js = path.join(dir, `${name}.mjs`);
  writeFileSync(js, s.node);
  const node = spawnSync(process.execPath, ["--check", js], { encoding: "utf8" });
  expect(node.status, node.stderr).toBe(0);
  if (hasPython) {
    const py = spawnSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: s.python, encoding: "utf8" });
    expect(py.status, py.stderr).toBe(0);
  }
}

const tricky = buildChatBody({
  model: "gpt-4o-mini",
  system: "It's \"quoted\" and has a\nnewline, a $HOME and a `backtick`.",
  turns: [
    { role: "user", content: "Hi there" },
    { role: "assistant", content: "Hello! ✓" },
    { role: "user", content: "Look", images: ["data:image/png;base64," + "A".repeat(500)] },
  ],
  params: { ...DEFAULT_PARAMS, temperature: 0.3, stop: ["END"] },
});

describe("chatSnippets", () => {
  it("produces curl, Python and Node code that parses, with the key from $APERTIS_API_KEY", () => {
    const { value, elided } = elideDataUrls(tricky);
    expect(elided).toBe(1);
    const s = chatSnippets(value as unknown as Record<string, unknown>, BASE);
    expectValid(s, "chat");
    expect(s.curl).toContain(`curl ${BASE}/chat/completions`);
    expect(s.curl).toContain('-H "Authorization: Bearer $APERTIS_API_KEY"');
    expect(s.python).toContain('api_key=os.environ["APERTIS_API_KEY"]');
    expect(s.python).toContain("stream=True");
    expect(s.python).toContain('stream_options={"include_usage": True}');
    expect(s.node).toContain("apiKey: process.env.APERTIS_API_KEY");
    expect(s.node).toContain(`baseURL: "${BASE}"`);
    expect(s.curl).toContain(IMAGE_PLACEHOLDER);
  });

  it("keeps the request body exact in curl (single quotes escaped for the shell)", () => {
    const s = chatSnippets(tricky as unknown as Record<string, unknown>, BASE);
    const out = spawnSync("bash", ["-c", `printf '%s' ${s.curl.split(" -d ")[1]}`], { encoding: "utf8" });
    expect(JSON.parse(out.stdout)).toEqual(tricky);
  });
});

describe("other endpoints", () => {
  it("images, speech and transcription snippets parse", () => {
    expectValid(imageSnippets({ model: "dall-e-3", prompt: "a red fox", n: 1, size: "1024x1024", response_format: "b64_json" }, BASE), "images");
    expectValid(imageSnippets({ model: "dall-e-2", prompt: "it's", n: 2, response_format: "url" }, BASE), "images-url");
    const speech = speechSnippets({ model: "tts-1", input: "Hello", voice: "alloy", response_format: "opus", speed: 1.25 }, BASE);
    expectValid(speech, "speech");
    expect(speech.curl).toContain("--output speech.opus");
    const stt = transcriptionSnippets({ model: "whisper-1", language: "en", prompt: "", response_format: "verbose_json" }, "my recording.wav", BASE);
    expectValid(stt, "stt");
    expect(stt.curl).toContain("-F file=@'my recording.wav'");
    expect(stt.curl).not.toContain("prompt");
  });
});
