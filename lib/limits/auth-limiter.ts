import "server-only";
import { env } from "@/lib/env";
import { attemptWindow, consumeAttempt } from "./attempts";

/** Counts one attempt from `ip`; throws rate_limit_exceeded with Retry-After when over. */
export async function consumeAuthAttempt(ip: string): Promise<void> {
  // Apertis documents 20 sign-up / sign-in attempts per 20 minutes per IP.
  await consumeAttempt(attemptWindow("auth", env().AUTH_RATE_LIMIT, 20 * 60), ip || "unknown", "Too many attempts from your network.");
}
