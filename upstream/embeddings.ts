// POST /v1/embeddings: deterministic unit vectors seeded by each input, as floats or base64.
import { invalidParameter, missingParameter } from "./errors";
import type { Exchange } from "./exchange";
import { requireModel } from "./models";
import { optionalInt, optionalString, type Body } from "./params";
import { countText, hash53, seededRandom } from "./text";

const MAX_INPUTS = 2048;
/** Native sizes; `dimensions` may shorten them, as with OpenAI's text-embedding-3 models. */
const NATIVE_DIMENSIONS: Record<string, number> = { "text-embedding-3-large": 3072 };
const DEFAULT_DIMENSIONS = 1536;

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => Number.isInteger(v));
}

/** Each input as a seed string and its token count; accepts text, text[], tokens, tokens[]. */
function inputs(input: unknown): { seed: string; tokens: number }[] {
  if (input === undefined || input === null || input === "") throw missingParameter("input");
  if (typeof input === "string") return [{ seed: input, tokens: countText(input) }];
  if (isTokenArray(input)) return [{ seed: input.join(","), tokens: input.length }];
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_INPUTS) {
    throw invalidParameter("input", `'input' must be a string, an array of 1 to ${MAX_INPUTS} strings, or token arrays.`);
  }
  return input.map((item, i) => {
    if (typeof item === "string" && item.length > 0) return { seed: item, tokens: countText(item) };
    if (isTokenArray(item)) return { seed: item.join(","), tokens: item.length };
    throw invalidParameter(`input[${i}]`, "Each input must be a non-empty string or an array of token ids.");
  });
}

function unitVector(seed: number, dimensions: number): Float32Array {
  const random = seededRandom(seed);
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    const v = random() * 2 - 1;
    vector[i] = v;
    norm += v * v;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** Little-endian float32 bytes, the layout OpenAI's base64 encoding uses, on any host. */
function toBase64(vector: Float32Array): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i] ?? 0, i * 4);
  return bytes.toString("base64");
}

export function embeddings(ex: Exchange, body: Body): void {
  const model = requireModel(body);
  const items = inputs(body.input);
  const native = NATIVE_DIMENSIONS[model] ?? DEFAULT_DIMENSIONS;
  const dimensions = optionalInt(body, "dimensions", 1, native) ?? native;
  const format = optionalString(body, "encoding_format", ["float", "base64"] as const) ?? "float";

  let tokens = 0;
  const data = items.map((item, index) => {
    tokens += item.tokens;
    const vector = unitVector(hash53(`${model}\u0000${item.seed}`), dimensions);
    return { object: "embedding", index, embedding: format === "base64" ? toBase64(vector) : Array.from(vector) };
  });
  ex.json(200, { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}
