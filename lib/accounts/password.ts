import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

const COMMON = new Set(["password", "password1", "12345678", "123456789", "qwerty123", "iloveyou", "11111111", "abc12345", "letmein1", "passw0rd"]);

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters.")
  .max(200, "Password must be at most 200 characters.")
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), "Password must contain a letter and a number.")
  .refine((p) => !COMMON.has(p.toLowerCase()), "That password is too common; choose another.");

// OWASP's argon2id baseline (19 MiB, 2 iterations): ~40 ms here, slow enough against guessing.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
