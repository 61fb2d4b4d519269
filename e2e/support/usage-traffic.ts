// Real /v1 traffic for the usage, logs and billing specs: a key made with the operator CLI, then
// chat completions against the e2e server (which answers from the local upstream).
import { expect } from "@playwright/test";
import { runConsoleCli } from "./cli";
import { E2E_BASE_URL } from "./constants";

export function createKey(email: string, name: string): string {
  const created = runConsoleCli(["key:create", "--email", email, "--name", name]);
  expect(created.status, created.stderr).toBe(0);
  return created.lastLine;
}

export async function sendChats(key: string, count: number, model = "gpt-4o-mini"): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${E2E_BASE_URL}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ model, messages: [{ role: "user", content: `Hello ${i}` }] }),
    });
    expect(res.status).toBe(200);
  }
}
