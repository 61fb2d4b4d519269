// POST /v1/images/generations and GET /v1/images/{id}.png: real PNG files of the requested size,
// a deterministic pattern from the prompt with "SIMULATED" written across it. Computed on a grid
// of at most ~128 cells per short side and scaled up, so a 1024x1024 image costs a few
// milliseconds; rendered files are kept in a bounded LRU.
import { crc32 } from "node:zlib";
import { PNG } from "pngjs";
import { SimError, invalidParameter, modelNotFound } from "./errors";
import type { Exchange } from "./exchange";
import type { LruCache } from "./lru";
import { isKnownModel } from "./models";
import { optionalInt, optionalString, requireString, type Body } from "./params";
import { countText, hash53, seededRandom, snippet } from "./text";

export interface ImageEnv {
  store: LruCache<Buffer>;
  /** Base the `url` form points at: `{base}/images/{id}.png`. */
  publicBase: string;
}

const DEFAULT_MODEL = "dall-e-2";
const MAX_SIDE = 4096;
const MAX_PROMPT = 32_000;
/** Cells along the short side of the low-resolution grid the pattern is computed on. */
const GRID = 128;
const LABEL = "SIMULATED";
/** 5x7 bitmap glyphs for LABEL, one 5-bit row per entry. */
const GLYPHS: Record<string, number[]> = {
  S: [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110],
  I: [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b11111],
  M: [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001],
  U: [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110],
  L: [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111],
  A: [0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001],
  T: [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100],
  E: [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111],
  D: [0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110],
};
/** gpt-image-1 output tokens for a 1024x1024 image, per quality; other sizes scale by area. */
const GPT_IMAGE_TOKENS: Record<string, number> = { low: 272, medium: 1056, high: 4160, auto: 1056 };

function parseSize(size: string | undefined): { width: number; height: number } {
  if (size === undefined || size === "auto") return { width: 1024, height: 1024 };
  const match = /^(\d{1,4})x(\d{1,4})$/.exec(size);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw invalidParameter("size", `'size' must look like 1024x1024 (each side 1 to ${MAX_SIDE}).`);
  }
  return { width, height };
}

/** A PNG tEXt chunk; PNG text is Latin-1, so anything else becomes "?". */
function textChunk(keyword: string, text: string): Buffer {
  const data = Buffer.from(`${keyword}\0${text.replace(/[^\x20-\x7e]/g, "?")}`, "latin1");
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write("tEXt", 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Cells covered by the LABEL text, centred near the bottom; empty when the grid is too small. */
function labelMask(cols: number, rows: number): Uint8Array {
  const mask = new Uint8Array(cols * rows);
  const textCols = LABEL.length * 6 - 1;
  const scale = Math.floor((cols * 0.8) / textCols);
  if (scale < 1 || rows < 10 * scale) return mask;
  const left = Math.floor((cols - textCols * scale) / 2);
  const top = rows - 9 * scale;
  for (let g = 0; g < LABEL.length; g++) {
    const glyph = GLYPHS[LABEL[g] ?? ""] ?? [];
    glyph.forEach((bits, row) => {
      for (let col = 0; col < 5; col++) {
        if (!((bits >> (4 - col)) & 1)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) mask[(top + row * scale + dy) * cols + left + (g * 6 + col) * scale + dx] = 1;
        }
      }
    });
  }
  return mask;
}

/** Diagonal two-colour gradient with hash-placed rings and the label, computed per cell. */
function renderPng(seed: number, width: number, height: number, prompt: string): Buffer {
  const random = seededRandom(seed);
  const from = [random() * 255, random() * 255, random() * 255];
  const to = [random() * 255, random() * 255, random() * 255];
  const cell = Math.max(1, Math.floor(Math.min(width, height) / GRID));
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const label = labelMask(cols, rows);
  const centreX = random() * cols;
  const centreY = random() * rows;
  const period = 2 + random() * 6;

  const rowBytes = width * 3;
  const data = Buffer.allocUnsafe(rowBytes * height);
  for (let cy = 0; cy < rows; cy++) {
    const top = cy * cell * rowBytes;
    for (let cx = 0; cx < cols; cx++) {
      const t = (cx / cols + cy / rows) / 2;
      const ring = 0.8 + 0.2 * Math.cos(Math.hypot(cx - centreX, cy - centreY) / period);
      // Label cells are pulled most of the way to white: readable on any background colour.
      const ink = label[cy * cols + cx] ? 0.85 : 0;
      const channel = (c: number) => {
        const base = ((from[c] ?? 0) + ((to[c] ?? 0) - (from[c] ?? 0)) * t) * ring;
        return base + (255 - base) * ink;
      };
      const r = channel(0);
      const g = channel(1);
      const b = channel(2);
      for (let x = cx * cell, end = Math.min(x + cell, width); x < end; x++) {
        const i = top + x * 3;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
      }
    }
    // The other pixel rows of this cell row are copies of its first.
    for (let y = cy * cell + 1, end = Math.min((cy + 1) * cell, height); y < end; y++) data.copy(data, y * rowBytes, top, top + rowBytes);
  }

  const png = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  png.data = data;
  // Filter "Up" turns the repeated rows into zeros: by far the cheapest filter that compresses well.
  const file = PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, filterType: 2 });
  const ihdrEnd = 8 + 25; // signature, then IHDR (length, type, 13 data bytes, CRC)
  return Buffer.concat([
    file.subarray(0, ihdrEnd),
    textChunk("Software", "Apertis local upstream (simulated, not a model)"),
    textChunk("Description", `Simulated image for: ${snippet(prompt, 200)}`),
    file.subarray(ihdrEnd),
  ]);
}

export function generateImages(ex: Exchange, body: Body, env: ImageEnv): void {
  const model = optionalString(body, "model") ?? DEFAULT_MODEL;
  if (!isKnownModel(model)) throw modelNotFound(model);
  const prompt = requireString(body, "prompt");
  if (prompt.length > MAX_PROMPT) throw invalidParameter("prompt", `'prompt' is longer than ${MAX_PROMPT} characters.`);
  const n = optionalInt(body, "n", 1, 10) ?? 1;
  const { width, height } = parseSize(optionalString(body, "size"));
  const gptImage = model.startsWith("gpt-image");
  const quality = optionalString(body, "quality") ?? (gptImage ? "auto" : "standard");
  // gpt-image models only ever answer with b64_json, whatever was asked.
  const format = gptImage ? "b64_json" : (optionalString(body, "response_format", ["url", "b64_json"] as const) ?? "url");
  const revised = `Simulated image (local upstream, not a model) for: ${prompt}`;

  const data = [];
  for (let i = 0; i < n; i++) {
    const key = `${model}\u0000${prompt}\u0000${width}x${height}\u0000${quality}\u0000${i}`;
    const id = `img-${hash53(key).toString(36)}`;
    let png = env.store.get(id);
    if (!png) {
      png = renderPng(hash53(key, 1), width, height, prompt);
      env.store.set(id, png);
    }
    data.push(format === "url" ? { url: `${env.publicBase}/images/${id}.png`, revised_prompt: revised } : { b64_json: png.toString("base64"), revised_prompt: revised });
  }

  const created = Math.floor(Date.now() / 1000);
  if (!gptImage) {
    ex.json(200, { created, data });
    return;
  }
  const textTokens = countText(prompt);
  const perImage = Math.round(((GPT_IMAGE_TOKENS[quality] ?? GPT_IMAGE_TOKENS.auto ?? 0) * width * height) / (1024 * 1024));
  ex.json(200, {
    created,
    background: "opaque",
    data,
    output_format: "png",
    quality,
    size: `${width}x${height}`,
    usage: {
      input_tokens: textTokens,
      input_tokens_details: { text_tokens: textTokens, image_tokens: 0 },
      output_tokens: perImage * n,
      total_tokens: textTokens + perImage * n,
    },
  });
}

export function serveImage(ex: Exchange, id: string, store: LruCache<Buffer>): void {
  const png = store.get(id);
  if (!png) throw new SimError(404, "invalid_request_error", "not_found", `Image '${id}' is unknown or has expired (local upstream keeps the last images only).`);
  ex.send(200, "image/png", png, { "cache-control": "public, max-age=3600" });
}
