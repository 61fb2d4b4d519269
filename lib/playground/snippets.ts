// "View code": the request a playground would send, as curl, Python (openai) and Node (openai)
// code against this console's /v1 with the key read from $APERTIS_API_KEY. Pure functions of the
// request body, so what is shown is exactly what the playground sends.

export interface Snippets {
  curl: string;
  python: string;
  node: string;
}

export const KEY_ENV = "APERTIS_API_KEY";
/** Stands in for inline image data, which would make a snippet megabytes long. */
export const IMAGE_PLACEHOLDER = "data:image/png;base64,<BASE64_IMAGE_DATA>";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Replaces inline data: URLs with a short placeholder; returns how many were replaced. */
export function elideDataUrls<T>(value: T): { value: T; elided: number } {
  let elided = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (v.startsWith("data:") && v.length > 120) {
        elided++;
        return IMAGE_PLACEHOLDER;
      }
      return v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return { value: walk(value) as T, elided };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || typeof v !== "object";
}

/** A JSON value as a literal in Python (dict/list/True/None) or JavaScript (unquoted keys). */
function literal(value: unknown, lang: "python" | "js", indent = 0): string {
  const pad = "    ".slice(0, lang === "python" ? 4 : 2);
  const inner = pad.repeat(indent + 1);
  const outer = pad.repeat(indent);
  if (value === null || value === undefined) return lang === "python" ? "None" : "null";
  if (typeof value === "boolean") return lang === "python" ? (value ? "True" : "False") : String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : lang === "python" ? "None" : "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isScalar)) return `[${value.map((v) => literal(v, lang)).join(", ")}]`;
    return `[\n${value.map((v) => inner + literal(v, lang, indent + 1)).join(",\n")},\n${outer}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const key = (k: string) => (lang === "js" && IDENTIFIER.test(k) ? k : JSON.stringify(k));
  const sep = lang === "python" ? ": " : ": ";
  const short = entries.every(([, v]) => isScalar(v)) && entries.length <= 3;
  if (short) {
    const body = entries.map(([k, v]) => `${key(k)}${sep}${literal(v, lang)}`).join(", ");
    return lang === "python" ? `{${body}}` : `{ ${body} }`;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}${sep}${literal(v, lang, indent + 1)}`).join(",\n")},\n${outer}}`;
}

/** Python keyword arguments, one per line: `model="x",\n    messages=[...]`. */
function pythonKwargs(body: Record<string, unknown>, indent = 1): string {
  const pad = "    ".repeat(indent);
  return Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pad}${k}=${literal(v, "python", indent)},`)
    .join("\n");
}

function jsObject(body: Record<string, unknown>, indent = 0): string {
  return literal(body, "js", indent);
}

function curlJson(url: string, body: unknown, extra: string[] = []): string {
  return [
    `curl ${url}`,
    `  -H "Authorization: Bearer $${KEY_ENV}"`,
    `  -H "Content-Type: application/json"`,
    ...extra.map((e) => `  ${e}`),
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join(" \\\n");
}

const PY_CLIENT = (baseUrl: string) =>
  `import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=${JSON.stringify(baseUrl)}, api_key=os.environ[${JSON.stringify(KEY_ENV)}])\n`;
const NODE_CLIENT = (baseUrl: string, extraImports = "") =>
  `import OpenAI from "openai";\n${extraImports}\nconst client = new OpenAI({ baseURL: ${JSON.stringify(baseUrl)}, apiKey: process.env.${KEY_ENV} });\n`;

export function chatSnippets(body: Record<string, unknown>, baseUrl: string): Snippets {
  const streaming = body.stream === true;
  const curl = curlJson(`${baseUrl}/chat/completions`, body, streaming ? ["-N"] : []);
  const python = streaming
    ? `${PY_CLIENT(baseUrl)}
stream = client.chat.completions.create(
${pythonKwargs(body)}
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)
    if chunk.usage:
        print(f"\\n\\n{chunk.usage.prompt_tokens} tokens in, {chunk.usage.completion_tokens} out")
`
    : `${PY_CLIENT(baseUrl)}
completion = client.chat.completions.create(
${pythonKwargs(body)}
)
print(completion.choices[0].message.content)
`;
  const node = streaming
    ? `${NODE_CLIENT(baseUrl)}
const stream = await client.chat.completions.create(${jsObject(body)});
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
  if (chunk.usage) console.log(\`\\n\\n\${chunk.usage.prompt_tokens} tokens in, \${chunk.usage.completion_tokens} out\`);
}
`
    : `${NODE_CLIENT(baseUrl)}
const completion = await client.chat.completions.create(${jsObject(body)});
console.log(completion.choices[0].message.content);
`;
  return { curl, python, node };
}

export function imageSnippets(body: Record<string, unknown>, baseUrl: string): Snippets {
  const b64 = body.response_format !== "url";
  const curl = curlJson(`${baseUrl}/images/generations`, body);
  const python = `${b64 ? "import base64\n" : ""}${PY_CLIENT(baseUrl)}
result = client.images.generate(
${pythonKwargs(body)}
)
for i, image in enumerate(result.data):
${
  b64
    ? `    with open(f"image-{i + 1}.png", "wb") as f:
        f.write(base64.b64decode(image.b64_json))`
    : `    print(image.url)`
}
`;
  const node = `${NODE_CLIENT(baseUrl, b64 ? 'import { writeFileSync } from "node:fs";\n' : "")}
const result = await client.images.generate(${jsObject(body)});
result.data.forEach((image, i) => {
${b64 ? '  writeFileSync(`image-${i + 1}.png`, Buffer.from(image.b64_json, "base64"));' : "  console.log(image.url);"}
});
`;
  return { curl, python, node };
}

export function speechSnippets(body: Record<string, unknown>, baseUrl: string): Snippets {
  const format = typeof body.response_format === "string" ? body.response_format : "mp3";
  const file = `speech.${format}`;
  const curl = curlJson(`${baseUrl}/audio/speech`, body, [`--output ${file}`]);
  const python = `${PY_CLIENT(baseUrl)}
with client.audio.speech.with_streaming_response.create(
${pythonKwargs(body)}
) as response:
    response.stream_to_file(${JSON.stringify(file)})
`;
  const node = `${NODE_CLIENT(baseUrl, 'import { writeFile } from "node:fs/promises";\n')}
const response = await client.audio.speech.create(${jsObject(body)});
await writeFile(${JSON.stringify(file)}, Buffer.from(await response.arrayBuffer()));
`;
  return { curl, python, node };
}

export function transcriptionSnippets(fields: Record<string, string | undefined>, fileName: string, baseUrl: string): Snippets {
  const entries = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "");
  const format = fields.response_format ?? "json";
  const jsonish = format === "json" || format === "verbose_json";
  const curl = [
    `curl ${baseUrl}/audio/transcriptions`,
    `  -H "Authorization: Bearer $${KEY_ENV}"`,
    `  -F file=@${shellQuote(fileName)}`,
    ...entries.map(([k, v]) => `  -F ${shellQuote(`${k}=${v}`)}`),
  ].join(" \\\n");
  const pyArgs = entries.map(([k, v]) => `    ${k}=${JSON.stringify(v)},`).join("\n");
  const python = `${PY_CLIENT(baseUrl)}
with open(${JSON.stringify(fileName)}, "rb") as audio:
    transcript = client.audio.transcriptions.create(
        file=audio,
${pyArgs.replace(/^ {4}/gm, "        ")}
    )
print(${jsonish ? "transcript.text" : "transcript"})
`;
  const jsArgs = entries.map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`).join("\n");
  const node = `${NODE_CLIENT(baseUrl, 'import { createReadStream } from "node:fs";\n')}
const transcript = await client.audio.transcriptions.create({
  file: createReadStream(${JSON.stringify(fileName)}),
${jsArgs}
});
console.log(${jsonish ? "transcript.text" : "transcript"});
`;
  return { curl, python, node };
}
