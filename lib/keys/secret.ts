// Key secrets are minted and hashed here and nowhere else. Only the HMAC and a display fragment are
// stored; the plaintext leaves the server once, in the create/rotate response.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const SECRET_BODY_LENGTH = 48; // ~285 bits of entropy

export type KeyKind = "STANDARD" | "SUBSCRIPTION";

export function keyPrefix(kind: KeyKind): string {
  return kind === "SUBSCRIPTION" ? "sk-sub-" : "sk-";
}

/** Rejection sampling keeps every character uniformly likely (no modulo bias). */
function randomAlphanumeric(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export function mintSecret(kind: KeyKind): string {
  return keyPrefix(kind) + randomAlphanumeric(SECRET_BODY_LENGTH);
}

/** HMAC with a server pepper: a leaked table of hashes cannot be brute-forced offline without it. */
export function hashSecret(secret: string, pepper: string): string {
  return createHmac("sha256", pepper).update(secret).digest("hex");
}

export function displayFragment(secret: string): string {
  const prefix = secret.startsWith("sk-sub-") ? "sk-sub-" : "sk-";
  return `${prefix}...${secret.slice(-4)}`;
}

/** Cheap shape check before any hashing or lookup: sk- or sk-sub- followed by 32+ alphanumerics. */
export function looksLikeKey(value: string): boolean {
  return /^sk-(sub-)?[A-Za-z0-9]{32,}$/.test(value);
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
