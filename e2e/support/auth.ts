// Page objects for the auth flows: specs say what a person does, these say how.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { GOOD_PASSWORD } from "./constants";
import { waitForHydration } from "./page";

export interface TestUser {
  email: string;
  password: string;
  name?: string;
}

/** A fresh address per test, so specs never depend on one another. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@e2e.test`;
}

export function newUser(overrides: Partial<TestUser> = {}): TestUser {
  return { email: uniqueEmail(), password: GOOD_PASSWORD, name: "Ada Tester", ...overrides };
}

export class SignUpPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/sign-up${query}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await waitForHydration(this.page.getByRole("button", { name: "Create account" }));
  }

  async fill(user: TestUser) {
    if (user.name) await this.page.getByLabel("Name", { exact: true }).fill(user.name);
    await this.page.getByLabel("Email", { exact: true }).fill(user.email);
    await this.page.getByLabel("Password", { exact: true }).fill(user.password);
  }

  async submit(user: TestUser) {
    await this.fill(user);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/sign-in${query}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await waitForHydration(this.page.getByRole("button", { name: "Sign in", exact: true }));
  }

  /** Fills the form and presses Enter in the password field (the form submits on Enter). */
  async submit(email: string, password: string) {
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    const passwordField = this.page.getByLabel("Password", { exact: true });
    await passwordField.fill(password);
    await passwordField.press("Enter");
  }
}

/** Signs up through the UI and waits for the dashboard. */
export async function signUp(page: Page, user: TestUser = newUser()): Promise<TestUser> {
  const form = new SignUpPage(page);
  await form.goto();
  await form.submit(user);
  await expect(page).toHaveURL(/\/dashboard$/);
  return user;
}

/** Signs in through the UI and waits until the page at `landing` (default the dashboard) loads. */
export async function signIn(page: Page, email: string, password: string, landing: RegExp = /\/dashboard$/) {
  const form = new SignInPage(page);
  await form.goto();
  await form.submit(email, password);
  await expect(page).toHaveURL(landing);
}

export async function signOut(page: Page) {
  const menu = page.getByRole("button", { name: "Account menu" });
  await waitForHydration(menu);
  await menu.click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
