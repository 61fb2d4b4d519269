import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildSnippet, DEFAULT_SNIPPET_MODEL, snippetModel } from "./snippets";

const input = { baseUrl: "https://console.example.com/v1/", secret: "sk-abc123", model: "gpt-4o-mini" };

describe("buildSnippet", () => {
  it("curl posts to the console's chat endpoint with the key", () => {
    const curl = buildSnippet("curl", input);
    expect(curl).toContain("curl 'https://console.example.com/v1/chat/completions'");
    expect(curl).toContain("-H 'Authorization: Bearer sk-abc123'");
    expect(curl).toContain(`"model":"gpt-4o-mini"`);
  });

  it("curl's arguments survive a shell, even with a quote in the model name", () => {
    const curl = buildSnippet("curl", { ...input, model: "it's" });
    // Replace curl with printf to see the arguments the shell hands over.
    const args = execFileSync("sh", ["-c", curl.replace(/^curl/, "printf '%s\\n'")], { encoding: "utf8" }).split("\n");
    expect(args[0]).toBe("https://console.example.com/v1/chat/completions");
    expect(JSON.parse(args.at(-2)!)).toEqual({ model: "it's", messages: [{ role: "user", content: "Hello!" }] });
  });

  it("Python and Node use the official openai client with base URL and key", () => {
    const py = buildSnippet("python", input);
    expect(py).toContain("from openai import OpenAI");
    expect(py).toContain('base_url="https://console.example.com/v1"');
    expect(py).toContain('api_key="sk-abc123"');
    const node = buildSnippet("node", input);
    expect(node).toContain('import OpenAI from "openai"');
    expect(node).toContain('baseURL: "https://console.example.com/v1"');
    expect(node).toContain('model: "gpt-4o-mini"');
  });

  it("calls a model the key allows", () => {
    expect(snippetModel(["claude-haiku-4-5", "gpt-4o"])).toBe("claude-haiku-4-5");
    expect(snippetModel([])).toBe(DEFAULT_SNIPPET_MODEL);
  });
});
