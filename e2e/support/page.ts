import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The message box of the form on the page. Next.js keeps an empty role="alert" route announcer in
 * every page, so a bare getByRole("alert") is ambiguous.
 */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

/**
 * Waits until React has hydrated the element. Server-rendered buttons are visible before their
 * handlers attach; a click in that gap is lost (a person would simply click again).
 * React marks hydrated DOM nodes with `__reactProps$<id>` keys.
 */
export async function waitForHydration(locator: Locator) {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), { message: "element was never hydrated" })
    .toBe(true);
}
