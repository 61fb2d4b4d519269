// The create / edit form's values and their checks, without React: what the person typed in, the
// request body it becomes, and an error per field. The server checks again (lib/keys/schema.ts);
// these checks only spare a round trip and word the problem next to its field.
import type { z } from "zod";
import type { PublicKey } from "@/lib/keys";
import type { createKeySchema } from "@/lib/keys/schema";
import { parseIpList } from "@/lib/client/ip";

export type ExpiryChoice = "keep" | "never" | "1h" | "1d" | "30d" | "custom";

export const expiryChoices: Array<{ value: Exclude<ExpiryChoice, "keep">; label: string; ms?: number }> = [
  { value: "never", label: "Never" },
  { value: "1h", label: "1 hour", ms: 3_600_000 },
  { value: "1d", label: "1 day", ms: 86_400_000 },
  { value: "30d", label: "30 days", ms: 30 * 86_400_000 },
  { value: "custom", label: "Custom date…" },
];

export interface KeyFormValues {
  name: string;
  expiry: ExpiryChoice;
  /** A datetime-local value ("2026-03-10T14:30", local time). */
  customExpiry: string;
  /** Empty for unlimited. */
  quota: string;
  /** Empty for no monthly budget. */
  budget: string;
  resetDay: string;
  models: string[];
  /** Comma, space or newline separated. */
  ips: string;
  rpm: string;
  tpm: string;
}

/** The request body of POST /api/keys and PATCH /api/keys/{id}; expiry travels as an ISO string. */
export type KeyPayload = Omit<z.input<typeof createKeySchema>, "expiresAt"> & { expiresAt?: string | null };

export type KeyField = "name" | "expiresAt" | "quotaUsd" | "monthlyBudgetUsd" | "budgetResetDay" | "allowedModels" | "allowedIps" | "rpmLimit" | "tpmLimit";
export type FieldErrors = Partial<Record<KeyField, string>>;

const fields: readonly KeyField[] = ["name", "expiresAt", "quotaUsd", "monthlyBudgetUsd", "budgetResetDay", "allowedModels", "allowedIps", "rpmLimit", "tpmLimit"];

/** The form field a server error names: `error.param` is "allowedIps.2" for the third address. */
export function fieldOfParam(param: string | null | undefined): KeyField | null {
  const head = param?.split(".")[0];
  return fields.find((f) => f === head) ?? null;
}

export const emptyKeyForm: KeyFormValues = {
  name: "",
  expiry: "never",
  customExpiry: "",
  quota: "",
  budget: "",
  resetDay: "1",
  models: [],
  ips: "",
  rpm: "",
  tpm: "",
};

const amount = (n: number | null) => (n === null ? "" : String(n));

export function valuesFromKey(key: PublicKey): KeyFormValues {
  return {
    name: key.name,
    expiry: key.expiresAt ? "keep" : "never",
    customExpiry: "",
    quota: amount(key.quotaUsd),
    budget: amount(key.monthlyBudgetUsd),
    resetDay: String(key.budgetResetDay),
    models: [...key.allowedModels],
    ips: key.allowedIps.join("\n"),
    rpm: amount(key.rpmLimit),
    tpm: amount(key.tpmLimit),
  };
}

/** A Date as a datetime-local value in the browser's time zone, to the minute. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function ipListError(invalid: string[]): string | null {
  if (invalid.length === 0) return null;
  if (invalid.length === 1) return `${invalid[0]} is not an IP address or CIDR block.`;
  return `These are not IP addresses or CIDR blocks: ${invalid.join(", ")}.`;
}

function money(raw: string, what: string): { value: number | null; error?: string } {
  const text = raw.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!text) return { value: null };
  if (!/^-?\d*\.?\d+$/.test(text)) return { value: null, error: `${what} must be a number of US dollars, like 5 or 12.50.` };
  const value = Number(text);
  if (value < 0) return { value: null, error: `${what} cannot be negative.` };
  if (value > 1_000_000) return { value: null, error: `${what} is too large.` };
  return { value };
}

function limit(raw: string, what: string): { value: number | null; error?: string } {
  const text = raw.trim().replace(/[,_\s]/g, "");
  if (!text) return { value: null };
  if (!/^\d+$/.test(text) || Number(text) < 1) return { value: null, error: `${what} must be a whole number of at least 1.` };
  return { value: Number(text) };
}

function expiresAt(values: KeyFormValues, now: number): { value?: string | null; error?: string } {
  if (values.expiry === "keep") return {};
  if (values.expiry === "never") return { value: null };
  if (values.expiry === "custom") {
    if (!values.customExpiry) return { error: "Pick the date and time the key stops working." };
    const at = new Date(values.customExpiry).getTime();
    if (Number.isNaN(at)) return { error: "Pick the date and time the key stops working." };
    if (at <= now) return { error: "Expiry must be in the future." };
    return { value: new Date(at).toISOString() };
  }
  const ms = expiryChoices.find((c) => c.value === values.expiry)?.ms ?? 0;
  return { value: new Date(now + ms).toISOString() };
}

/** Live errors that need no submit: the IP list, checked as the person types. */
export function liveErrors(values: KeyFormValues): FieldErrors {
  const ips = ipListError(parseIpList(values.ips).invalid);
  return ips ? { allowedIps: ips } : {};
}

/** The request body, or the errors to show next to their fields. */
export function toPayload(values: KeyFormValues, now = Date.now()): { payload: KeyPayload | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Give the key a name, such as the app or server that will use it.";
  else if (name.length > 100) errors.name = "Name must be at most 100 characters.";

  const expiry = expiresAt(values, now);
  if (expiry.error) errors.expiresAt = expiry.error;
  const quota = money(values.quota, "Quota");
  if (quota.error) errors.quotaUsd = quota.error;
  const budget = money(values.budget, "Monthly budget");
  if (budget.error) errors.monthlyBudgetUsd = budget.error;
  const resetDay = Number(values.resetDay);
  if (!Number.isInteger(resetDay) || resetDay < 1 || resetDay > 28) errors.budgetResetDay = "Pick a day from 1 to 28.";
  const ips = parseIpList(values.ips);
  const ipError = ipListError(ips.invalid);
  if (ipError) errors.allowedIps = ipError;
  const rpm = limit(values.rpm, "Requests per minute");
  if (rpm.error) errors.rpmLimit = rpm.error;
  const tpm = limit(values.tpm, "Tokens per minute");
  if (tpm.error) errors.tpmLimit = tpm.error;

  if (Object.keys(errors).length) return { payload: null, errors };
  const payload: KeyPayload = {
    name,
    quotaUsd: quota.value,
    monthlyBudgetUsd: budget.value,
    budgetResetDay: resetDay,
    allowedModels: values.models,
    allowedIps: ips.entries,
    rpmLimit: rpm.value,
    tpmLimit: tpm.value,
  };
  if (expiry.value !== undefined) payload.expiresAt = expiry.value;
  return { payload, errors };
}
