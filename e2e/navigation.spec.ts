import { expect, test } from "@playwright/test";
import { newUser, SignInPage, signUp } from "./support/auth";
import { waitForHydration } from "./support/page";

test("a signed-out visit to /usage goes to sign-in and comes back after", async ({ page, browser }) => {
  // Create the account in another browser context, so this one is signed out.
  const other = await browser.newContext();
  const user = await signUp(await other.newPage(), newUser());
  await other.close();

  await page.goto("/usage");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const form = new SignInPage(page);
  await form.expectShown();
  await form.submit(user.email, user.password);

  await expect(page).toHaveURL(/\/usage$/);
  await expect(page.getByRole("heading", { name: "Usage" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Usage" })).toHaveAttribute("aria-current", "page");
});

test("sign-in never sends a person to another site", async ({ page, browser }) => {
  const other = await browser.newContext();
  const user = await signUp(await other.newPage(), newUser());
  await other.close();

  const form = new SignInPage(page);
  await form.goto(`?callbackUrl=${encodeURIComponent("https://evil.example/keys")}`);
  await form.submit(user.email, user.password);
  await expect(page).toHaveURL("/keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
});

test("every section of the sidebar opens its page", async ({ page }) => {
  await signUp(page);
  const nav = page.getByRole("navigation", { name: "Console" });
  const sections: Array<[string, RegExp, string]> = [
    ["Chat", /\/playground\/chat$/, "Chat"],
    ["Images", /\/playground\/images$/, "Images"],
    ["Speech", /\/playground\/speech$/, "Speech"],
    ["Transcribe", /\/playground\/transcribe$/, "Transcribe"],
    ["API keys", /\/keys$/, "API keys"],
    ["Usage", /\/usage$/, "Usage"],
    ["Logs", /\/logs$/, "Logs"],
    ["Billing", /\/billing$/, "Billing"],
    ["Dashboard", /\/dashboard$/, "Welcome, Ada"],
  ];
  for (const [link, url, heading] of sections) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "page");
  }
  // The playgrounds' common prefix, typed by hand, opens the chat playground rather than a 404.
  await page.goto("/playground");
  await expect(page).toHaveURL(/\/playground\/chat$/);
  await expect(page.getByRole("heading", { level: 1, name: "Chat" })).toBeVisible();
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the navigation sits behind a menu button", async ({ page }) => {
    await signUp(page);
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();

    const menuButton = page.getByRole("button", { name: "Open menu" });
    await waitForHydration(menuButton);
    await menuButton.click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("link", { name: "Billing" }).click();

    await expect(page).toHaveURL(/\/billing$/);
    await expect(drawer).toBeHidden();
    await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
    // Nothing spills sideways at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test("an unknown page shows the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
