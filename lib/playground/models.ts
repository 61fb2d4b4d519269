// What the playgrounds need to know about models beyond the catalog row: which chat models take
// images, and which sizes, qualities and styles each image model documents.
import type { CatalogPrice } from "@/lib/catalog/prices";
import type { Modality } from "@/lib/catalog/models";

export function modelsOf(catalog: CatalogPrice[] | undefined, modality: Modality): CatalogPrice[] {
  return (catalog ?? []).filter((m) => m.modality === modality);
}

/**
 * The catalog has no "vision" flag, so this follows the providers' published model families.
 * A model missing here can still be sent images by editing the request in code; the attach button
 * just stays off for it.
 */
const VISION = [/^gpt-4o/, /^gpt-4\.1/, /^gpt-5/, /^o3/, /^o4/, /^claude-/, /^gemini-/, /^grok-4/, /vision/, /-vl\b/, /^mistral-(large|medium|small)/, /^pixtral/, /^llama-4/];

export function acceptsImages(model: string): boolean {
  return VISION.some((r) => r.test(model));
}

export interface ImageModelOptions {
  sizes: string[];
  qualities: string[];
  styles: string[];
  maxN: number;
  /** gpt-image models always answer with b64_json. */
  urlSupported: boolean;
}

const IMAGE_OPTIONS: Record<string, ImageModelOptions> = {
  "dall-e-2": { sizes: ["256x256", "512x512", "1024x1024"], qualities: ["standard"], styles: [], maxN: 10, urlSupported: true },
  "dall-e-3": { sizes: ["1024x1024", "1792x1024", "1024x1792"], qualities: ["standard", "hd"], styles: ["vivid", "natural"], maxN: 1, urlSupported: true },
  "gpt-image-1": { sizes: ["1024x1024", "1536x1024", "1024x1536", "auto"], qualities: ["auto", "low", "medium", "high"], styles: [], maxN: 10, urlSupported: false },
};

/** Documented options of an image model; unknown models get the sizes their price table lists. */
export function imageOptions(model: CatalogPrice | undefined): ImageModelOptions {
  if (!model) return { sizes: ["1024x1024"], qualities: ["standard"], styles: [], maxN: 10, urlSupported: true };
  const known = IMAGE_OPTIONS[model.model] ?? (model.model.startsWith("gpt-image") ? IMAGE_OPTIONS["gpt-image-1"] : undefined);
  if (known) return known;
  const keys = Object.keys(model.imagePrices);
  const sizes = [...new Set(keys.map((k) => k.split("/")[0]).filter((s): s is string => Boolean(s) && s !== "*"))];
  const qualities = [...new Set(keys.map((k) => k.split("/")[1]).filter((q): q is string => Boolean(q)))];
  return { sizes: sizes.length ? sizes : ["1024x1024"], qualities: qualities.length ? qualities : ["standard"], styles: [], maxN: 10, urlSupported: true };
}

/** "1024x1536" -> "1024 × 1536 (portrait)". */
export function describeSize(size: string): string {
  if (size === "auto") return "Auto";
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) return size;
  const w = Number(m[1]);
  const h = Number(m[2]);
  const shape = w === h ? "square" : w > h ? "landscape" : "portrait";
  return `${w} × ${h} (${shape})`;
}

export const VOICES = ["alloy", "echo", "fable", "onyx", "nova", "shimmer"] as const;
export type Voice = (typeof VOICES)[number];
