// Ready-to-paste examples for a freshly shown key: the console's own base URL and the secret, so
// the first request works as pasted. Pure strings; the secret dialog only renders them.

export type SnippetLanguage = "curl" | "python" | "node";

export interface SnippetInput {
  /** The OpenAI-compatible base URL, ending in /v1. */
  baseUrl: string;
  secret: string;
  /** A model the key may call (the first of its allowlist), or a sensible default. */
  model: string;
}

export const DEFAULT_SNIPPET_MODEL = "gpt-4o-mini";

export const snippetLanguages: Array<{ id: SnippetLanguage; label: string }> = [
  { id: "curl", label: "curl" },
  { id: "python", label: "Python" },
  { id: "node", label: "Node.js" },
];

/** The model the examples call: one the key allows, else the default. */
export function snippetModel(allowedModels: readonly string[]): string {
  return allowedModels[0] ?? DEFAULT_SNIPPET_MODEL;
}

/** Wraps a value for a POSIX shell's single quotes. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A string literal valid in both Python and JavaScript (JSON escapes are a subset of both). */
function literal(value: string): string {
  return JSON.stringify(value);
}

export function buildSnippet(language: SnippetLanguage, { baseUrl, secret, model }: SnippetInput): string {
  const base = baseUrl.replace(/\/+$/, "");
  switch (language) {
    case "curl": {
      const body = JSON.stringify({ model, messages: [{ role: "user", content: "Hello!" }] });
      return [
        `curl ${shellQuote(`${base}/chat/completions`)} \\`,
        `  -H ${shellQuote(`Authorization: Bearer ${secret}`)} \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  -d ${shellQuote(body)}`,
      ].join("\n");
    }
    case "python":
      return [
        "from openai import OpenAI",
        "",
        "client = OpenAI(",
        `    base_url=${literal(base)},`,
        `    api_key=${literal(secret)},`,
        ")",
        "",
        "response = client.chat.completions.create(",
        `    model=${literal(model)},`,
        '    messages=[{"role": "user", "content": "Hello!"}],',
        ")",
        "print(response.choices[0].message.content)",
      ].join("\n");
    case "node":
      return [
        'import OpenAI from "openai";',
        "",
        "const client = new OpenAI({",
        `  baseURL: ${literal(base)},`,
        `  apiKey: ${literal(secret)},`,
        "});",
        "",
        "const response = await client.chat.completions.create({",
        `  model: ${literal(model)},`,
        '  messages: [{ role: "user", content: "Hello!" }],',
        "});",
        "console.log(response.choices[0].message.content);",
      ].join("\n");
  }
}
