import { expect, test } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./support/auth";
import { runConsoleCli } from "./support/cli";
import { ADMIN, GOOD_PASSWORD } from "./support/constants";

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

test("an admin finds a user and grants credit, generates codes, and edits a price", async ({ page }) => {
  const email = uniqueEmail("managed");
  expect(runConsoleCli(["user:create", "--email", email, "--password", GOOD_PASSWORD]).status).toBe(0);
  await signIn(page, ADMIN.email, ADMIN.password);

  await page.goto("/admin?tab=users");
  await page.getByRole("searchbox", { name: "Search users" }).fill(email);
  const users = page.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row")).toHaveCount(2);
  await users.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: "Grant credit…" }).click();
  const grant = page.getByRole("dialog", { name: `Grant credit to ${email}` });
  await grant.getByLabel("Amount (USD)").fill("2.5");
  await grant.getByRole("button", { name: "Grant credit" }).click();
  await expect(grant).toBeHidden();
  await expect(users).toContainText("$3.50");

  await page.getByRole("tab", { name: "Redemption codes" }).click();
  await expect(page).toHaveURL(/tab=codes/);
  await page.getByLabel("How many").fill("2");
  await page.getByLabel("Amount each (USD)").fill("4");
  await page.getByRole("button", { name: "Generate" }).click();
  const generated = page.getByRole("dialog", { name: "2 codes of $4.00" });
  await expect(generated.getByRole("list", { name: "Generated codes" }).getByRole("listitem")).toHaveCount(2);
  await expect(generated.getByRole("button", { name: "Copy all codes" })).toBeVisible();
  await generated.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "Redemption codes" })).toContainText("Unused");

  await page.getByRole("tab", { name: "Model prices" }).click();
  const prices = page.getByRole("table", { name: "Model prices" });
  await prices.getByRole("button", { name: "Edit gpt-4.1-nano" }).click();
  const edit = page.getByRole("dialog", { name: "Edit gpt-4.1-nano" });
  await edit.getByLabel("Input, per 1M tokens").fill("0.12");
  await edit.getByRole("button", { name: "Save prices" }).click();
  await expect(edit).toBeHidden();
  await expect(prices.getByRole("row", { name: /gpt-4\.1-nano/ })).toContainText("$0.12 in");

  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByRole("group", { name: "Requests" })).toBeVisible();
});

test("an admin edits a plan, and the billing page shows the change at once", async ({ page }) => {
  const line = `Edited by the admin test ${Date.now()}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin?tab=plans");
  const plans = page.getByRole("table", { name: "Plans" });
  await expect(plans.getByRole("row", { name: /Plus/ })).toContainText("$60.00");

  const editFeatures = async (change: (features: string) => string) => {
    await plans.getByRole("button", { name: "Edit Plus" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit the Plus plan" });
    const features = dialog.getByLabel("Features");
    await features.fill(change(await features.inputValue()));
    await dialog.getByRole("button", { name: "Save plan" }).click();
    await expect(dialog).toBeHidden();
  };
  await editFeatures((f) => `${f}\n${line}`);
  await expect(page.getByText("Plus saved.")).toBeVisible();

  await page.goto("/billing");
  await expect(page.getByRole("group", { name: "Plus plan" })).toContainText(line);

  await page.goto("/admin?tab=plans");
  await editFeatures((f) => f.split("\n").filter((l) => l !== line).join("\n"));
  await page.goto("/billing");
  await expect(page.getByRole("group", { name: "Plus plan" })).not.toContainText(line);
});
