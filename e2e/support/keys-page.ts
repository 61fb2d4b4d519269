// The keys page as a person uses it: specs say what they do, this says how (roles and labels only).
import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "./page";

export interface NewKeyInput {
  name: string;
  models?: string[];
  quotaUsd?: string;
  ips?: string;
  /** A datetime-local value ("2026-03-10T14:30"). */
  customExpiry?: string;
}

export class KeysPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/keys");
    await expect(this.page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await waitForHydration(this.createButton);
    await expect(this.page.getByLabel("Loading keys")).toBeHidden();
  }

  get createButton(): Locator {
    return this.page.getByRole("main").getByRole("button", { name: "Create key" });
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "API keys" });
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  get form(): Locator {
    return this.page.getByRole("dialog").filter({ has: this.page.getByRole("heading", { name: /^(Create API key|Edit )/ }) });
  }

  get secretDialog(): Locator {
    return this.page.getByRole("dialog").filter({ hasText: "You will not be able to see it again." });
  }

  async openCreate() {
    await this.createButton.click();
    await expect(this.form).toBeVisible();
  }

  async pickModel(model: string) {
    const picker = this.form.getByRole("combobox", { name: "Allowed models" });
    await picker.fill(model);
    await this.form.getByRole("option", { name: model, exact: true }).click();
    await expect(this.form.getByRole("button", { name: `Remove ${model}` })).toBeVisible();
  }

  async fillForm(input: NewKeyInput) {
    await this.form.getByLabel("Name", { exact: true }).fill(input.name);
    if (input.customExpiry) {
      await this.form.getByLabel("Expiration").selectOption("custom");
      await this.form.getByLabel("Expiry date").fill(input.customExpiry);
    }
    if (input.quotaUsd) await this.form.getByLabel("Quota (USD)").fill(input.quotaUsd);
    for (const model of input.models ?? []) await this.pickModel(model);
    if (input.ips) await this.form.getByLabel("Allowed IP addresses").fill(input.ips);
  }

  /** Creates a key through the dialog and returns the secret it shows once. */
  async createKey(input: NewKeyInput): Promise<string> {
    await this.openCreate();
    await this.fillForm(input);
    await this.form.getByRole("button", { name: "Create key" }).click();
    return this.takeSecret();
  }

  /** Copies the secret with the dialog's copy button, checks it against the text shown, closes the dialog. */
  async takeSecret(): Promise<string> {
    const dialog = this.secretDialog;
    await expect(dialog).toBeVisible();
    const shown = (await dialog.getByTestId("secret-value").innerText()).trim();
    await dialog.getByRole("button", { name: "Copy key" }).click();
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = await this.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    return copied;
  }

  async rowAction(name: string, action: "Edit" | "Disable" | "Enable" | "Rotate secret" | "Revoke") {
    await this.row(name).getByRole("button", { name: `Actions for ${name}` }).click();
    await this.page.getByRole("menuitem", { name: action }).click();
  }

  status(name: string): Locator {
    return this.row(name).locator("[data-status]");
  }
}
