import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { expectUsageRow, openPlayground, toneWav } from "./support/playground";

test("an uploaded WAV file is transcribed, with segments, copy and download", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/transcribe", "Transcribe", () => page.getByRole("button", { name: "Choose file" }));
  await expect(page.getByRole("button", { name: /^Model whisper-1/ })).toBeVisible();

  await page.getByLabel("Upload an audio file").setInputFiles({ name: "tone.wav", mimeType: "audio/wav", buffer: toneWav(3) });
  const selectedAudio = page.getByRole("group", { name: "Selected audio" });
  await expect(selectedAudio).toContainText("tone.wav");
  await expect(selectedAudio).toContainText("0:03");
  await page.getByRole("button", { name: "Transcribe", exact: true }).click();

  const transcript = page.getByRole("region", { name: "Transcript", exact: true });
  await expect(transcript.getByRole("list", { name: "Segments" })).toContainText("00:00.000 → 00:03.000");
  await transcript.getByRole("tab", { name: "Text" }).click();
  await expect(transcript).toContainText("received a 3.00 s audio/wav file");
  await expect(transcript.getByRole("definition").filter({ hasText: /^\$/ })).toHaveText("$0.0003");

  const download = page.waitForEvent("download");
  await transcript.getByRole("button", { name: "Download .json" }).click();
  expect((await download).suggestedFilename()).toBe("tone.json");

  const row = await expectUsageRow(page.request, "/audio/transcriptions", (r) => r.status === 200);
  expect(row.cost).toBe(300);
});

test("a file of the wrong type is refused before upload", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/transcribe", "Transcribe", () => page.getByRole("button", { name: "Choose file" }));
  await page.getByLabel("Upload an audio file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByRole("alert").filter({ hasText: "notes.txt is not a supported audio file" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Transcribe", exact: true })).toBeDisabled();
});

test("a microphone recording is transcribed", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/transcribe", "Transcribe", () => page.getByRole("button", { name: "Record" }));
  await page.getByRole("button", { name: "Record" }).click();
  const stop = page.getByRole("button", { name: "Stop recording" });
  await expect(stop).toBeVisible();
  // Chromium's fake microphone plays a beep: the level meter moves and the timer runs.
  await expect.poll(async () => Number(await page.getByRole("meter", { name: "Microphone level" }).getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  // At least two seconds on the timer (a busy machine may show 0:02 between two looks, or never).
  const recorded = async () => {
    const [m = 0, sec = 0] = ((await page.getByLabel("Recording time").textContent()) ?? "").trim().split(":").map(Number);
    return m * 60 + sec;
  };
  await expect.poll(recorded).toBeGreaterThanOrEqual(2);
  await stop.click();

  const selectedAudio = page.getByRole("group", { name: "Selected audio" });
  await expect(selectedAudio).toContainText(/recording-.*\.wav/);
  await expect(selectedAudio).toContainText("Recorded");
  await page.getByRole("button", { name: "Transcribe", exact: true }).click();
  const transcript = page.getByRole("region", { name: "Transcript", exact: true });
  await expect(transcript).toContainText(/received a \d+\.\d\d s audio\/wav file/);
  // At least the two seconds the timer showed before Stop (more on a busy machine).
  const seconds = Number(/received a (\d+\.\d\d) s/.exec((await transcript.textContent()) ?? "")?.[1]);
  expect(seconds).toBeGreaterThanOrEqual(1.9);
  expect(seconds).toBeLessThan(30);
  await expectUsageRow(page.request, "/audio/transcriptions", (r) => r.status === 200);
});
