import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { expectUsageRow, openPlayground } from "./support/playground";

test("speech is generated, plays in the page and can be downloaded", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/speech", "Speech", () => page.getByRole("textbox", { name: "Text" }));
  await expect(page.getByRole("button", { name: /^Model tts-1/ })).toBeVisible();

  const text = page.getByRole("textbox", { name: "Text" });
  await text.fill("Hello from the end to end test.");
  await expect(page.getByText("31 / 4,096 characters")).toBeVisible();
  await page.getByRole("radio", { name: "nova" }).check({ force: true });
  await page.getByRole("button", { name: "Generate speech" }).click();

  const audio = page.locator("audio[aria-label='Generated speech']");
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0)), { message: "the audio element has a duration" }).toBeGreaterThan(0.5);
  const region = page.getByRole("region", { name: "Generated speech" });
  await expect(region.getByText("Ready")).toBeVisible();
  await expect(region).toContainText("nova · tts-1");

  const download = page.waitForEvent("download");
  await region.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toMatch(/^speech-nova\.(mp3|wav)$/);

  const row = await expectUsageRow(page.request, "/audio/speech", (r) => r.status === 200);
  expect(row.cost).toBeGreaterThan(0);
});

test("formats the browser cannot play are not offered for playback; pcm is download only", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/speech", "Speech", () => page.getByRole("textbox", { name: "Text" }));
  const format = page.getByLabel("Format");
  await expect(format.locator("option", { hasText: "PCM (download only)" })).toBeEnabled();
  await format.selectOption("wav");
  await page.getByRole("button", { name: "Generate speech" }).click();
  const audio = page.locator("audio[aria-label='Generated speech']");
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0))).toBeGreaterThan(1);
});
