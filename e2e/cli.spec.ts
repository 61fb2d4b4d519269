import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./support/auth";
import { runConsoleCli } from "./support/cli";
import { GOOD_PASSWORD } from "./support/constants";

test("an account made with the CLI can sign in", async ({ page }) => {
  const email = uniqueEmail("cli");
  const created = runConsoleCli(["user:create", "--email", email, "--password", GOOD_PASSWORD, "--name", "Cli Person"]);
  expect(created.stderr).not.toMatch(/error/i);
  expect(created.status).toBe(0);
  expect(created.lastLine).toContain(`Created user ${email}`);

  await signIn(page, email, GOOD_PASSWORD);
  await expect(page.getByRole("heading", { name: "Welcome, Cli" })).toBeVisible();
});

test("key:create prints the new key alone on the last line, and checks its input", async () => {
  const email = uniqueEmail("cli-key");
  expect(runConsoleCli(["user:create", "--email", email, "--password", GOOD_PASSWORD]).status).toBe(0);

  const created = runConsoleCli(["key:create", "--email", email, "--name", "ci", "--quota-usd", "5", "--models", "gpt-5-mini", "--expires-in", "1d"]);
  expect(created.status).toBe(0);
  expect(created.lastLine).toMatch(/^sk-[A-Za-z0-9]{48}$/);
  expect(created.stderr).toContain('Created key "ci"');

  const unknown = runConsoleCli(["key:create", "--email", "nobody@e2e.test", "--name", "ci"]);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("No account with the email nobody@e2e.test.");
  expect(unknown.stdout).not.toMatch(/sk-/);

  const badDuration = runConsoleCli(["key:create", "--email", email, "--name", "ci", "--expires-in", "soon"]);
  expect(badDuration.status).toBe(2);
  expect(badDuration.stderr).toContain("--expires-in must look like 30s, 90m, 1h or 30d");

  const negative = runConsoleCli(["key:create", "--email", email, "--name", "ci", "--quota-usd", "-5"]);
  expect(negative.status).toBe(2);
  expect(negative.stderr).toContain("--quota-usd cannot be negative");
});

test("credit:grant raises the balance shown on the dashboard", async ({ page }) => {
  const email = uniqueEmail("cli-credit");
  expect(runConsoleCli(["user:create", "--email", email, "--password", GOOD_PASSWORD]).status).toBe(0);
  const grant = runConsoleCli(["credit:grant", "--email", email, "--usd", "2.5"]);
  expect(grant.status).toBe(0);
  expect(grant.lastLine).toBe(`Granted $2.50 to ${email}. Balance now $3.50.`);

  await signIn(page, email, GOOD_PASSWORD);
  await expect(page.getByRole("region", { name: "Account overview" }).getByText("$3.50", { exact: true })).toBeVisible();
});
