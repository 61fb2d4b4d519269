import { expect, test } from "@playwright/test";
import { signIn, signUp } from "./support/auth";
import { ADMIN } from "./support/constants";

test("an admin sees the Admin section", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  const nav = page.getByRole("navigation", { name: "Console" });
  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
});

test("a normal user has no Admin link, and /admin is a 404 for them", async ({ page }) => {
  await signUp(page);
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Billing" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Admin" })).toHaveCount(0);
});
