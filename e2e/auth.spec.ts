import { expect, test } from "@playwright/test";
import { newUser, SignInPage, signIn, signOut, signUp, SignUpPage } from "./support/auth";
import { ADMIN, E2E_BASE_URL } from "./support/constants";
import { formAlert, waitForHydration } from "./support/page";

test("a visitor sees the landing page; sign-up lands on the dashboard with the Free plan", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "One console for 430+ models" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Local upstream (simulated)" })).toBeVisible();
  await page.getByRole("link", { name: "Create account" }).click();

  const user = newUser({ name: "Ada Tester" });
  const form = new SignUpPage(page);
  await form.expectShown();
  await form.submit(user);

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
  const overview = page.getByRole("region", { name: "Account overview" });
  await expect(overview.getByText("Free", { exact: true })).toBeVisible();
  await expect(overview.getByText("$1.00", { exact: true })).toBeVisible();
  await expect(page.getByText(`${E2E_BASE_URL}/v1`, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Local upstream (simulated)" })).toBeVisible();

  // Signed in, the landing page forwards to the dashboard.
  await page.goto("/");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("sign out, then sign in again", async ({ page }) => {
  const user = await signUp(page);
  await signOut(page);
  await new SignInPage(page).expectShown();

  // Signed out, console pages are closed again.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);

  await signIn(page, user.email, user.password);
  await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
});

test("a wrong password says so and keeps the person on the sign-in page", async ({ page }) => {
  const form = new SignInPage(page);
  await form.goto();
  await form.submit(ADMIN.email, "not-the-password-1");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);

  // An unknown email gets the same message: the form does not reveal who has an account.
  await form.submit("nobody-here@e2e.test", "whatever-123");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
});

test("signing up with an email that has an account points to sign-in", async ({ page }) => {
  const form = new SignUpPage(page);
  await form.goto();
  await form.submit(newUser({ email: ADMIN.email }));
  const alert = formAlert(page);
  await expect(alert).toContainText("An account with this email already exists. Sign in instead.");
  await alert.getByRole("link", { name: "Go to sign in" }).click();
  await new SignInPage(page).expectShown();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(ADMIN.email);
});

test("a weak password gets the server's reason next to the field", async ({ page }) => {
  const form = new SignUpPage(page);
  await form.goto();
  await form.submit(newUser({ password: "short1" }));
  const password = page.getByLabel("Password", { exact: true });
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription("Password must be at least 8 characters.");
  await expect(page).toHaveURL(/\/sign-up/);

  await form.submit(newUser({ password: "password1" }));
  await expect(page.getByText("That password is too common; choose another.")).toBeVisible();
});

test("the theme can be switched to dark from the user menu", async ({ page }) => {
  await signUp(page);
  const menu = page.getByRole("button", { name: "Account menu" });
  await waitForHydration(menu);
  await menu.click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
});

test("the base URL can be copied from the dashboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E_BASE_URL });
  await signUp(page);
  const copy = page.getByRole("button", { name: "Copy", exact: true });
  await waitForHydration(copy);
  await copy.click();
  await expect(page.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${E2E_BASE_URL}/v1`);
});
