import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { formatUsd } from "../lib/money";
import { signUp } from "./support/auth";
import { createKey, sendChats } from "./support/usage-traffic";

test("the usage page shows the requests made with a key, their cost, and narrows by model in the URL", async ({ page }) => {
  const user = await signUp(page);
  const key = createKey(user.email, "e2e-usage");
  await sendChats(key, 3);

  // Usage is written in batches about a second after the requests finish.
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(async () => {
    await page.goto("/usage?range=24h");
    await expect(totals.getByRole("group", { name: "Requests" })).toContainText("3", { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });

  const api = (await (await page.request.get("/api/usage?range=24h&tz=UTC")).json()) as { totals: { cost: number } };
  expect(api.totals.cost).toBeGreaterThan(0);
  await expect(totals.getByRole("group", { name: "Cost" })).toContainText(formatUsd(api.totals.cost));
  await expect(page.getByRole("figure", { name: /Cost per hour by model/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Usage by API key" })).toContainText("e2e-usage");
  await expect(page.getByRole("table", { name: "Usage by model" })).toContainText("gpt-4o-mini");

  await page.getByRole("button", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await page.getByLabel("Model", { exact: true }).selectOption("gpt-4o-mini");
  await expect(page).toHaveURL(/model=gpt-4o-mini/);
  await expect(totals.getByRole("group", { name: "Requests" })).toContainText("3");
});

test("a new account sees an empty usage page that says what to do", async ({ page }) => {
  await signUp(page);
  await page.goto("/usage");
  await expect(page.getByRole("heading", { name: "No requests in this period" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create an API key" })).toBeVisible();
});

test("the logs list each request, open its details, and export exactly those rows as CSV", async ({ page }) => {
  const user = await signUp(page);
  const key = createKey(user.email, "e2e-logs");
  await sendChats(key, 2);

  const table = page.getByRole("table", { name: "Requests" });
  await expect(async () => {
    await page.goto("/logs");
    await expect(table.getByRole("row")).toHaveCount(3, { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(table).toContainText("e2e-logs");
  await expect(table).toContainText("gpt-4o-mini");

  await table.getByRole("button", { name: /Details of the gpt-4o-mini request/ }).first().click();
  const drawer = page.getByRole("dialog", { name: "Request details" });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText("Upstream request ID");
  await expect(drawer.getByRole("button", { name: "Copy upstream request id" })).toBeVisible();
  await expect(page).toHaveURL(/log=/);
  await drawer.getByRole("button", { name: "Close details" }).click();
  await expect(drawer).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^apertis-logs-.*\.csv$/);
  const lines = readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(lines[0]).toMatch(/^time_utc,request_id,key/);
  expect(lines).toHaveLength(4); // header, 2 requests, totals
  expect(lines[3]).toMatch(/^TOTAL,2 requests,/);
});
