// Helpers for the playground specs: the local upstream's counters, the user's usage rows, slower
// streams for observing them, and small fixture files.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { encodeWav } from "../../lib/playground/wav";
import { E2E_UPSTREAM_PORT } from "./constants";
import { waitForHydration } from "./page";

export const SIM_URL = `http://127.0.0.1:${E2E_UPSTREAM_PORT}`;

export interface SimStats {
  requests: number;
  completed: number;
  cancellations: number;
  byPath: Record<string, number>;
}

export async function simStats(request: APIRequestContext): Promise<SimStats> {
  const res = await request.get(`${SIM_URL}/__sim/stats`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as SimStats;
}

/**
 * Paces chat streams from the simulator so a person (and a test) can watch them grow: the browser's
 * own request gets x-sim-* headers, which the gateway passes to the simulator in offline mode only.
 * The page's code is unchanged.
 */
export async function slowChatStreams(page: Page, opts: { chunks: number; intervalMs: number }) {
  await page.route("**/api/playground/v1/chat/completions", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-sim-chunks": String(opts.chunks), "x-sim-interval-ms": String(opts.intervalMs) } }),
  );
}

export interface UsageRow {
  endpoint: string;
  model: string;
  source: string;
  status: number;
  cost: number;
  promptTokens: number;
  completionTokens: number;
  stream: boolean;
  errorCode: string | null;
}

/**
 * The signed-in user's usage rows for `endpoint`, as the Logs page lists them (GET /api/logs).
 * Usage is written in batches about once a second, so this polls until `expectRow` holds.
 */
export async function expectUsageRow(request: APIRequestContext, endpoint: string, expectRow: (row: UsageRow) => boolean = () => true): Promise<UsageRow> {
  let found: UsageRow | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/logs?endpoint=${encodeURIComponent(endpoint)}&limit=50`);
        if (!res.ok()) return `GET /api/logs answered ${res.status()}`;
        const body = (await res.json()) as { items: UsageRow[] };
        found = body.items.find((r) => r.source === "PLAYGROUND" && expectRow(r));
        return found ? "found" : `no matching row among ${body.items.length}`;
      },
      { message: `a playground usage row for ${endpoint}`, timeout: 15_000 },
    )
    .toBe("found");
  return found!;
}

/** The playground key's spend (GET /api/keys), for asserting that a call was metered to it. */
export async function playgroundKeyUsedUsd(request: APIRequestContext): Promise<number> {
  const res = await request.get("/api/keys");
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { data: { purpose: string; usedUsd: number }[] };
  return body.data.find((k) => k.purpose === "playground")?.usedUsd ?? 0;
}

/** A mono 16 kHz WAV of a rising tone, `seconds` long. */
export function toneWav(seconds: number): Buffer {
  const rate = 16_000;
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * (300 + i / 200) * i) / rate);
  return Buffer.from(encodeWav(samples, rate));
}

/** Opens a playground page and waits until its main control is interactive. */
export async function openPlayground(page: Page, path: string, heading: string, ready: () => ReturnType<Page["getByRole"]>) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await waitForHydration(ready());
}
