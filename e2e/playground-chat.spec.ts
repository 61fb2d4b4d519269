import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support/auth";
import { expectUsageRow, openPlayground, simStats, slowChatStreams } from "./support/playground";

function chat(page: Page) {
  return {
    message: page.getByRole("textbox", { name: "Message" }),
    send: page.getByRole("button", { name: "Send", exact: true }),
    stop: page.getByRole("button", { name: "Stop", exact: true }),
    lastReply: page.getByRole("listitem", { name: "Assistant reply" }).last(),
    replyText: page.getByRole("listitem", { name: "Assistant reply" }).last().locator("[data-role=assistant-reply]"),
  };
}

async function openChat(page: Page) {
  await openPlayground(page, "/playground/chat", "Chat", () => page.getByRole("textbox", { name: "Message" }));
  // The default model arrives with the catalog.
  await expect(page.getByRole("button", { name: /^Model gpt-4o-mini/ })).toBeVisible();
}

test("a reply streams in piece by piece, with its metrics, and is metered", async ({ page }) => {
  await signUp(page);
  // Six seconds of stream: enough samples of the growing reply even when the machine is busy.
  await slowChatStreams(page, { chunks: 40, intervalMs: 150 });
  await openChat(page);
  const c = chat(page);

  await c.message.fill("What is server-sent events?");
  await c.message.press("ControlOrMeta+Enter");
  await expect(c.stop).toBeVisible();

  // Watch the reply grow while it is still streaming.
  const seen: number[] = [];
  while ((await c.stop.isVisible()) && seen.length < 200) {
    const text = (await c.replyText.textContent().catch(() => "")) ?? "";
    if (text.length && text.length !== seen.at(-1)) seen.push(text.length);
    await page.waitForTimeout(60);
  }
  expect(seen.length, `reply lengths seen while streaming: ${seen.join(", ")}`).toBeGreaterThanOrEqual(4);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);

  await expect(c.send).toBeVisible();
  await expect(c.replyText).toContainText('Simulated reply from gpt-4o-mini (local upstream, not a model). You asked about: "What is server-sent events?"');
  const metrics = c.lastReply.getByRole("definition");
  await expect(c.lastReply.getByText("First token")).toBeVisible();
  await expect(metrics.nth(1)).toHaveText(/^\d+ in · \d+ out$/);
  await expect(metrics.nth(2)).toHaveText(/^\$0\.\d+$/);

  // The conversation is named after the question and survives a reload.
  await expect(page.getByRole("button", { name: /Conversation: What is server-sent events\?/ })).toBeVisible();
  await page.reload();
  await expect(c.replyText).toContainText("Simulated reply from gpt-4o-mini");

  const row = await expectUsageRow(page.request, "/chat/completions", (r) => r.status === 200);
  expect(row).toMatchObject({ model: "gpt-4o-mini", stream: true });
  expect(row.cost).toBeGreaterThan(0);
  expect(row.completionTokens).toBeGreaterThan(0);
});

test("Stop leaves the partial answer and cancels the upstream call", async ({ page }) => {
  await signUp(page);
  await slowChatStreams(page, { chunks: 40, intervalMs: 250 });
  await openChat(page);
  const c = chat(page);
  const before = await simStats(page.request);

  await c.message.fill("Tell me a long story about gateways.");
  await c.send.click();
  await expect(c.replyText).toContainText("Simulated reply");
  await c.stop.click();

  await expect(c.send).toBeVisible();
  await expect(c.lastReply.getByText("Stopped", { exact: true })).toBeVisible();
  const partial = (await c.replyText.textContent()) ?? "";
  expect(partial.length).toBeGreaterThan(10);
  // Nothing more arrives after Stop.
  await page.waitForTimeout(1000);
  expect(await c.replyText.textContent()).toBe(partial);

  await expect.poll(async () => (await simStats(page.request)).cancellations, { message: "the simulator saw the call cancelled" }).toBeGreaterThan(before.cancellations);
  await expectUsageRow(page.request, "/chat/completions", (r) => r.status === 499 && r.errorCode === "client_closed");
});

test("regenerate, edit-and-resend and View code work on the conversation", async ({ page }) => {
  await signUp(page);
  await openChat(page);
  const c = chat(page);
  await page.getByRole("textbox", { name: "System prompt" }).fill("Answer in one line.");
  await c.message.fill("First question");
  await c.send.click();
  await expect(c.replyText).toContainText('You asked about: "First question"');

  await page.getByRole("button", { name: "Edit and resend" }).click();
  const edit = page.getByRole("textbox", { name: "Edit message" });
  await edit.fill("Edited question");
  await edit.press("ControlOrMeta+Enter");
  await expect(c.replyText).toContainText('You asked about: "Edited question"');
  await expect(page.getByRole("listitem", { name: "Your message" })).toHaveCount(1);

  await c.lastReply.hover();
  await page.getByRole("button", { name: "Regenerate" }).click();
  await expect(c.send).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Assistant reply" })).toHaveCount(1);

  await page.getByRole("button", { name: "View code" }).click();
  const dialog = page.getByRole("dialog", { name: "View code" });
  await expect(dialog).toContainText("/v1/chat/completions");
  await expect(dialog).toContainText("Authorization: Bearer $APERTIS_API_KEY");
  await expect(dialog).toContainText("Answer in one line.");
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(dialog).toContainText('api_key=os.environ["APERTIS_API_KEY"]');
  await expect(dialog.getByRole("button", { name: "Copy code" })).toBeVisible();
});

test("a key whose quota is used up shows the billing hint inline", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/keys", { data: { name: "Tiny quota", quotaUsd: 0.000001 } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: { id: string } };

  await openChat(page);
  await page.getByLabel("API key").selectOption(key.id);
  const c = chat(page);
  await c.message.fill("Hello?");
  await c.send.click();

  const alert = c.lastReply.getByRole("alert");
  await expect(alert).toContainText("quota");
  await expect(alert.getByRole("link", { name: "Open Billing" })).toHaveAttribute("href", "/billing");
  await expect(alert.getByRole("link", { name: "Open API keys" })).toHaveAttribute("href", "/keys");
  await expect(alert).toContainText("“Tiny quota”");
});

test("a key that does not allow the model says which setting refuses it", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/keys", { data: { name: "Only 4o", allowedModels: ["gpt-4o"] } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: { id: string } };

  await openChat(page);
  await page.getByLabel("API key").selectOption(key.id);
  // The picker knows the key's allowlist before anything is sent.
  await expect(page.getByText("The selected key cannot use gpt-4o-mini")).toBeVisible();
  const c = chat(page);
  await c.message.fill("Hello?");
  await c.send.click();

  const alert = c.lastReply.getByRole("alert");
  await expect(alert).toContainText("This key may not use gpt-4o-mini");
  await expect(alert).toContainText("“Only 4o” has an allowed-models list without gpt-4o-mini");
  await expect(alert.getByRole("link", { name: "Edit the key's allowed models" })).toHaveAttribute("href", "/keys");
});

test("a rate-limited key shows how long to wait", async ({ page }) => {
  await signUp(page);
  const created = await page.request.post("/api/keys", { data: { name: "One a minute", rpmLimit: 1 } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: { id: string } };

  await openChat(page);
  await page.getByLabel("API key").selectOption(key.id);
  const c = chat(page);
  for (const text of ["First", "Second"]) {
    await c.message.fill(text);
    await c.send.click();
    await expect(c.send).toBeVisible();
  }
  const alert = c.lastReply.getByRole("alert");
  await expect(alert).toContainText(/Rate limit of 1 requests per minute/);
  await expect(alert).toContainText(/you can send again in \d+ seconds?/);
  await expect(alert.getByRole("button", { name: /Retry in \d+ s/ })).toBeDisabled();
});

test("an image can be attached for a vision model", async ({ page }) => {
  await signUp(page);
  await openChat(page);
  await expect(page.getByRole("button", { name: "Attach images" })).toBeEnabled();
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  // The hidden file input behind the "Attach images" button.
  await page.locator("input[type=file][accept*='image/png']").setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("list", { name: "Attached images" }).getByRole("img", { name: "dot.png" })).toBeVisible();
  const c = chat(page);
  await c.message.fill("What is in this picture?");
  await c.send.click();
  await expect(page.getByRole("listitem", { name: "Your message" }).getByRole("img", { name: "Attached image 1" })).toBeVisible();
  await expect(c.send).toBeVisible();
  await expect(c.replyText).toContainText("What is in this picture?");
  // The image counts as input tokens (the simulator charges 85 per image part, like OpenAI's low detail).
  const tokens = await c.lastReply.getByRole("definition").nth(1).textContent();
  expect(Number(/^(\d+) in/.exec(tokens ?? "")?.[1])).toBeGreaterThan(85);
});
