import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { expectUsageRow, openPlayground } from "./support/playground";

test("an image is generated, shown and downloaded, and the request is metered", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/images", "Images", () => page.getByRole("textbox", { name: "Prompt" }));
  await expect(page.getByRole("button", { name: /^Model dall-e-3/ })).toBeVisible();

  await page.getByRole("textbox", { name: "Prompt" }).fill("A lighthouse at dusk, watercolour");
  await page.getByRole("button", { name: "Generate" }).click();
  // A visible progress state while the request runs, then the picture.
  const gallery = page.getByRole("region", { name: "Generated images" });
  const image = gallery.getByRole("img", { name: /A lighthouse at dusk, watercolour/ }).first();
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1024);
  await expect(gallery).toContainText("dall-e-3");
  await expect(gallery).toContainText("$0.04");

  const download = page.waitForEvent("download");
  await gallery.getByRole("button", { name: "Download image 1" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("a-lighthouse-at-dusk-watercolour-1.png");
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

  await gallery.getByRole("button", { name: "Open image 1 full size" }).click();
  await expect(page.getByRole("dialog", { name: "Image 1 of 1" }).getByRole("img")).toBeVisible();
  await page.keyboard.press("Escape");

  const row = await expectUsageRow(page.request, "/images/generations", (r) => r.status === 200);
  expect(row.model).toBe("dall-e-3");
  expect(row.cost).toBe(40_000);
});

test("several images come back as URLs when asked", async ({ page }) => {
  await signUp(page);
  await openPlayground(page, "/playground/images", "Images", () => page.getByRole("textbox", { name: "Prompt" }));
  await page.getByRole("button", { name: /^Model/ }).click();
  await page.getByRole("combobox", { name: "Search models" }).fill("dall-e-2");
  await page.getByRole("option", { name: /dall-e-2/ }).click();
  await page.getByLabel("Images", { exact: true }).selectOption("3");
  await page.getByLabel("Size").selectOption("256x256");
  await page.getByLabel("Returned as").selectOption("url");
  await page.getByRole("textbox", { name: "Prompt" }).fill("Three small squares");
  await page.getByRole("button", { name: "Generate" }).click();
  const gallery = page.getByRole("region", { name: "Generated images" });
  await expect(gallery.getByRole("img")).toHaveCount(3);
  for (const img of await gallery.getByRole("img").all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(256);
  }
});
