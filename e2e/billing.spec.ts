import { expect, test, type Browser } from "@playwright/test";
import { signIn, signUp } from "./support/auth";
import { ADMIN } from "./support/constants";

/** Codes come from an admin: their session calls the admin API, as the admin page does. */
async function generateCode(browser: Browser, amountUsd: number): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  const res = await page.request.post("/api/admin/codes", { data: { count: 1, amountUsd } });
  expect(res.status()).toBe(201);
  const { codes } = (await res.json()) as { codes: string[] };
  await context.close();
  return codes[0]!;
}

test("redeeming a code raises the balance by its amount; the same code is refused the second time", async ({ page, browser }) => {
  const code = await generateCode(browser, 20);
  await signUp(page);
  await page.goto("/billing");
  const balance = page.getByRole("group", { name: "Pay-as-you-go balance" });
  await expect(balance).toContainText("$1.00");

  const form = page.locator("#top-up");
  await form.getByLabel("Redemption code").fill(code);
  await form.getByRole("button", { name: "Redeem" }).click();
  await expect(balance).toContainText("$21.00");
  await expect(page.getByRole("table", { name: "Balance history" })).toContainText("Code redeemed");

  await form.getByLabel("Redemption code").fill(code);
  await form.getByRole("button", { name: "Redeem" }).click();
  await expect(form.getByRole("alert")).toContainText("already redeemed");
  await expect(balance).toContainText("$21.00");
});

test("choosing a plan shows it at once, with its quota; cancelling keeps it to the period end", async ({ page, browser }) => {
  const code = await generateCode(browser, 20);
  await signUp(page);
  await page.goto("/billing");
  const form = page.locator("#top-up");
  await form.getByLabel("Redemption code").fill(code);
  await form.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByRole("group", { name: "Pay-as-you-go balance" })).toContainText("$21.00");

  const current = page.getByRole("group", { name: "Current plan" });
  await expect(current).toContainText("Free");
  await expect(page.getByRole("region", { name: "Runway" })).toContainText("PAYG balance");

  await page.getByRole("group", { name: "Lite plan" }).getByRole("button", { name: "Choose Lite" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("$12.00 comes out of your balance now");
  await dialog.getByRole("button", { name: "Choose Lite" }).click();
  await expect(current).toContainText("Lite");
  await expect(current).toContainText("of 600 plan requests used");
  await expect(page.getByRole("group", { name: "Pay-as-you-go balance" })).toContainText("$9.00");
  await expect(page.getByRole("table", { name: "Balance history" })).toContainText("Subscription");

  await page.getByRole("group", { name: "Lite plan" }).getByRole("button", { name: "Cancel plan" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel at period end" }).click();
  await expect(current).toContainText("Ends");
  await expect(page.getByRole("group", { name: "Lite plan" }).getByRole("button", { name: "Resume plan" })).toBeVisible();
});

test("a plan the balance cannot pay is refused with what to do next", async ({ page }) => {
  await signUp(page);
  await page.goto("/billing");
  await page.getByRole("group", { name: "Max plan" }).getByRole("button", { name: "Choose Max" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("cannot pay this");
  await dialog.getByRole("button", { name: "Choose Max" }).click();
  await expect(dialog.getByRole("alert")).toContainText("your balance is $1.00");
  await expect(dialog.getByRole("alert")).toContainText("Add credit on the Billing page");
});

test("a balance below the warning threshold puts a banner on every console page, gone once the threshold is lower", async ({ page }) => {
  await signUp(page); // $1.00 of sign-up credit against the default $1.00 threshold: not low
  const banner = page.getByRole("status").filter({ hasText: "Your balance is low" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);

  await page.goto("/billing");
  const threshold = page.getByLabel("Warn below (USD)");
  await threshold.fill("5");
  await page.getByRole("button", { name: "Save warning" }).click();
  await expect(banner).toContainText("Your balance is low: $1.00");
  await expect(banner).toContainText("warning below $5.00");

  await page.goto("/keys");
  await expect(banner).toBeVisible();
  await banner.getByRole("link", { name: "Top up on the billing page" }).click();
  await expect(page).toHaveURL(/\/billing#top-up$/);

  await threshold.fill("0.5");
  await page.getByRole("button", { name: "Save warning" }).click();
  await expect(banner).toHaveCount(0);
  await page.goto("/usage");
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
