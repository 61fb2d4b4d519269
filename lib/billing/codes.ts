// Redemption codes: "APX-" and 20 Crockford base32 symbols (100 random bits) in groups of five.
// Unguessable, and easy to read aloud or retype: the alphabet has no I, L, O or U, and input is
// normalised (case, spaces, dashes, O for 0, I and L for 1) before lookup.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_PREFIX = "APX";
const SYMBOLS = 20;
const GROUP = 5;

function group(body: string): string {
  const parts = body.match(new RegExp(`.{${GROUP}}`, "g")) ?? [];
  return [CODE_PREFIX, ...parts].join("-");
}

export function mintCode(): string {
  // 256 is a multiple of 32, so `byte & 31` picks every symbol with equal probability.
  const body = [...randomBytes(SYMBOLS)].map((b) => ALPHABET[b & 31]).join("");
  return group(body);
}

/** The stored form of what a person typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s-]/g, "");
  if (s.length === SYMBOLS + CODE_PREFIX.length && s.startsWith(CODE_PREFIX)) s = s.slice(CODE_PREFIX.length);
  s = s.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (s.length !== SYMBOLS || [...s].some((ch) => !ALPHABET.includes(ch))) return null;
  return group(s);
}

/** For notes and lists that should not show a whole unredeemed code. */
export function maskCode(code: string): string {
  return `${CODE_PREFIX}-…${code.slice(-4)}`;
}
