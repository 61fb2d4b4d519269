import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The origin people use to reach this console: PUBLIC_BASE_URL when the operator set it (behind a
 * proxy the Host header may be internal), else the request's own host and scheme. Display only:
 * nothing is authorised or redirected on the strength of it.
 */
export async function consoleOrigin(): Promise<string> {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || `localhost:${env().PORT}`;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

/** The base URL for OpenAI-compatible clients: `<origin>/v1`. */
export async function apiBaseUrl(): Promise<string> {
  return `${await consoleOrigin()}/v1`;
}
