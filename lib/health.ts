import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export interface Health {
  ok: boolean;
  database: "ok" | "unreachable";
  upstream: { mode: "simulated" | "apertis"; baseUrl: string };
}

export async function checkHealth(): Promise<Health> {
  const e = env();
  let database: Health["database"] = "ok";
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    database = "unreachable";
  }
  return {
    ok: database === "ok",
    database,
    upstream: { mode: e.simulated ? "simulated" : "apertis", baseUrl: e.simulated ? e.APERTIS_BASE_URL : new URL(e.APERTIS_BASE_URL).origin },
  };
}
