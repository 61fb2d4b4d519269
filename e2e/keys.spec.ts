import OpenAI from "openai";
import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { runConsoleCli } from "./support/cli";
import { E2E_BASE_URL } from "./support/constants";
import { KeysPage } from "./support/keys-page";

// The keys page end to end: what a person sees, and what their keys then do on /v1 through the
// official openai client. The stories are independent accounts, so they may run side by side.
test.describe.configure({ mode: "parallel" });

const chat = (secret: string, model = "gpt-4o-mini") =>
  new OpenAI({ apiKey: secret, baseURL: `${E2E_BASE_URL}/v1`, maxRetries: 0 }).chat.completions.create({ model, messages: [{ role: "user", content: "hi" }] });

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E_BASE_URL });
});

test("a new account's default key is shown once, on the first visit", async ({ page }) => {
  await signUp(page);
  const keys = new KeysPage(page);
  await keys.goto();

  const banner = page.getByRole("region", { name: "Keys ready to reveal" });
  await expect(banner.getByRole("heading", { name: "Your default key is ready" })).toBeVisible();
  await banner.getByRole("listitem", { name: "default" }).getByRole("button", { name: "Reveal key" }).click();
  await expect(keys.secretDialog.getByRole("heading", { name: "Your default key" })).toBeVisible();
  const secret = await keys.takeSecret();
  expect(secret).toMatch(/^sk-[A-Za-z0-9]{48}$/);
  expect((await chat(secret)).choices[0]?.message.content).toBeTruthy();
  await expect(banner.getByRole("listitem", { name: "default" })).toBeHidden();
  await expect(keys.row("default").getByText(`sk-...${secret.slice(-4)}`)).toBeVisible();

  // The subscription key is offered too. Revealed meanwhile elsewhere (another tab), the page
  // offers a rotation instead of a second reveal.
  const subItem = banner.getByRole("listitem").filter({ hasText: "sk-sub-..." });
  const subName = (await subItem.getAttribute("aria-label"))!;
  const list = (await (await page.request.get("/api/keys")).json()) as { data: Array<{ id: string; kind: string }> };
  const subId = list.data.find((k) => k.kind === "subscription")!.id;
  expect((await page.request.post(`/api/keys/${subId}/reveal`)).status()).toBe(200);
  await subItem.getByRole("button", { name: "Reveal key" }).click();
  const shownBanner = page.getByRole("region", { name: `${subName} key` });
  await expect(shownBanner.getByRole("heading", { name: `The secret of “${subName}” was already shown` })).toBeVisible();
  await shownBanner.getByRole("button", { name: "Rotate to get a new secret" }).click();
  await page.getByRole("alertdialog", { name: `Rotate “${subName}”?` }).getByRole("button", { name: "Rotate key" }).click();
  expect(await keys.takeSecret()).toMatch(/^sk-sub-[A-Za-z0-9]{48}$/);
  await expect(shownBanner).toBeHidden();

  // Gone for good: nothing to reveal after a reload, and no secret in the page.
  await page.reload();
  await expect(keys.row("default")).toBeVisible();
  await expect(banner).toBeHidden();
  expect(await page.content()).not.toContain(secret);

  // The subscription key cannot be revoked: the menu says why.
  await keys.row(subName).getByRole("button", { name: `Actions for ${subName}` }).click();
  await expect(page.getByRole("menuitem", { name: "Rotate secret" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Revoke" })).toHaveCount(0);
  await expect(page.getByRole("menu").getByText(/can’t be revoked: it lasts as long as your subscription/)).toBeVisible();
});

test("create with a model allowlist and a quota, then rotate, disable, enable and revoke", async ({ page }) => {
  await signUp(page);
  const keys = new KeysPage(page);
  await keys.goto();

  // A bad CIDR is named while typing and blocks the submit.
  await keys.openCreate();
  await keys.form.getByLabel("Name", { exact: true }).fill("ci-e2e");
  await keys.form.getByLabel("Allowed IP addresses").fill("192.168.1.0/24, 10.0.0.0/33");
  await expect(keys.form.getByText("10.0.0.0/33 is not an IP address or CIDR block.")).toBeVisible();
  await expect(keys.form.getByLabel("Allowed IP addresses")).toHaveAttribute("aria-invalid", "true");
  await keys.form.getByRole("button", { name: "Create key" }).click();
  await expect(keys.form).toBeVisible();
  await expect(keys.secretDialog).toBeHidden();
  await keys.form.getByLabel("Allowed IP addresses").fill("");
  await expect(keys.form.getByText("10.0.0.0/33 is not an IP address or CIDR block.")).toBeHidden();

  // A server refusal lands next to the field it names (error.param), and the form stays filled.
  await keys.form.getByLabel("Requests per minute").fill("1000000");
  await keys.form.getByLabel("Requests per minute").press("Enter");
  await expect(keys.form.getByText(/^RPM limit cannot exceed your plan's \d+\.$/)).toBeVisible();
  await expect(keys.form.getByLabel("Requests per minute")).toHaveAttribute("aria-invalid", "true");
  await expect(keys.form.getByLabel("Name", { exact: true })).toHaveValue("ci-e2e");
  await keys.form.getByLabel("Requests per minute").fill("");

  await keys.pickModel("gpt-4o-mini");
  await keys.form.getByLabel("Quota (USD)").fill("5");
  await keys.form.getByLabel("Quota (USD)").press("Enter");
  await expect(keys.secretDialog.getByRole("heading", { name: "API key created" })).toBeVisible();
  await expect(keys.secretDialog.getByRole("tab", { name: "Python" })).toBeVisible();
  await keys.secretDialog.getByRole("tab", { name: "Node.js" }).click();
  await expect(keys.secretDialog.getByRole("tabpanel")).toContainText(`baseURL: "${E2E_BASE_URL}/v1"`);
  const secret = await keys.takeSecret();
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(secret.slice(3));

  const row = keys.row("ci-e2e");
  await expect(row).toContainText("gpt-4o-mini");
  await expect(row).toContainText("/ $5.00");
  await expect(keys.status("ci-e2e")).toHaveText("Active");

  await chat(secret);
  await expect(chat(secret, "gpt-4o")).rejects.toMatchObject({ status: 403, code: "model_access_denied" });

  // Rotate: the old secret stops at once, the new one works.
  await keys.rowAction("ci-e2e", "Rotate secret");
  const rotateDialog = page.getByRole("alertdialog", { name: "Rotate “ci-e2e”?" });
  await rotateDialog.getByRole("button", { name: "Rotate key" }).click();
  await expect(keys.secretDialog.getByRole("heading", { name: "New secret for “ci-e2e”" })).toBeVisible();
  const rotated = await keys.takeSecret();
  expect(rotated).not.toBe(secret);
  await expect(chat(secret)).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
  await chat(rotated);
  await expect(row.getByText(`sk-...${rotated.slice(-4)}`)).toBeVisible();

  // Disable, enable.
  await keys.rowAction("ci-e2e", "Disable");
  await expect(keys.status("ci-e2e")).toHaveText("Disabled");
  await expect(chat(rotated)).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
  await keys.rowAction("ci-e2e", "Enable");
  await expect(keys.status("ci-e2e")).toHaveText("Active");
  await chat(rotated);

  // Edit: lift the model allowlist.
  await keys.rowAction("ci-e2e", "Edit");
  await expect(keys.form.getByRole("heading", { name: "Edit “ci-e2e”" })).toBeVisible();
  await expect(keys.form.getByLabel("Quota (USD)")).toHaveValue("5");
  await keys.form.getByRole("button", { name: "Remove gpt-4o-mini" }).click();
  await keys.form.getByRole("button", { name: "Save changes" }).click();
  await expect(keys.form).toBeHidden();
  await expect(row).not.toContainText("gpt-4o-mini");
  await chat(rotated, "gpt-4o");

  // Revoke, after a confirmation that names the key.
  await keys.rowAction("ci-e2e", "Revoke");
  const revokeDialog = page.getByRole("alertdialog", { name: "Revoke “ci-e2e”?" });
  await expect(revokeDialog).toContainText(`sk-...${rotated.slice(-4)}`);
  await revokeDialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(revokeDialog).toBeHidden();
  await expect(row).toBeHidden();
  await expect(chat(rotated)).rejects.toMatchObject({ status: 401 });
  await page.getByRole("switch", { name: "Show revoked" }).click();
  await expect(keys.status("ci-e2e")).toHaveText("Revoked");
});

test("a key past its expiry answers 401 expired_api_key and shows as expired", async ({ page }) => {
  test.setTimeout(100_000);
  const user = await signUp(page);
  // The UI and the API refuse a past expiry: the operator CLI makes one that lapses soon.
  const cli = runConsoleCli(["key:create", "--email", user.email, "--name", "short-lived", "--expires-in", "30s"]);
  expect(cli.status, cli.stderr).toBe(0);
  const secret = cli.lastLine;

  const keys = new KeysPage(page);
  await keys.goto();
  await expect(keys.status("short-lived")).toHaveText("Active");
  await expect(keys.row("short-lived")).toContainText(/in (1 minute|a moment)/);
  await chat(secret);

  // Meanwhile: a custom expiry picked in the dialog lands on the row.
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000 + 5 * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${inTwoDays.getFullYear()}-${pad(inTwoDays.getMonth() + 1)}-${pad(inTwoDays.getDate())}T${pad(inTwoDays.getHours())}:${pad(inTwoDays.getMinutes())}`;
  await keys.createKey({ name: "two-days", customExpiry: local });
  await expect(keys.row("two-days")).toContainText("in 2 days");

  await expect
    .poll(async () => chat(secret).then(() => "works", (err: { status?: number; code?: string }) => `${err.status} ${err.code}`), { timeout: 60_000, intervals: [3_000] })
    .toBe("401 expired_api_key");
  await page.reload();
  await expect(keys.status("short-lived")).toHaveText("Expired");
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("keys are cards and nothing spills sideways", async ({ page }) => {
    await signUp(page);
    const keys = new KeysPage(page);
    await keys.goto();
    const cards = page.getByRole("list", { name: "API keys" });
    await expect(cards.getByRole("listitem", { name: "default" })).toContainText("unlimited");
    await expect(keys.table).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await keys.openCreate();
    await expect(keys.form.getByRole("button", { name: "Create key" })).toBeInViewport();
  });
});
