"use client";

import * as React from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field, fieldMessageId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { isApiClientError, type ApiClientError } from "@/lib/client/fetcher";
import { parseIpList } from "@/lib/client/ip";
import { formatDate } from "@/lib/format";
import { exactTime } from "./format";
import {
  emptyKeyForm,
  expiryChoices,
  fieldOfParam,
  liveErrors,
  toLocalInput,
  toPayload,
  valuesFromKey,
  type FieldErrors,
  type KeyField,
  type KeyFormValues,
} from "./key-form";
import type { PlanLimits } from "@/lib/keys";
import { ModelPicker } from "./model-picker";
import { useCreateKey, useModelCatalog, useUpdateKey, type KeyWithSecret, type PublicKey } from "./use-keys";

export type KeyFormMode = { kind: "create" } | { kind: "edit"; key: PublicKey };

const fieldIds: Record<KeyField, string> = {
  name: "key-name",
  expiresAt: "key-expiry",
  quotaUsd: "key-quota",
  monthlyBudgetUsd: "key-budget",
  budgetResetDay: "key-reset-day",
  allowedModels: "key-models",
  allowedIps: "key-ips",
  rpmLimit: "key-rpm",
  tpmLimit: "key-tpm",
};
const fieldOrder = Object.keys(fieldIds) as KeyField[];

const countFormat = new Intl.NumberFormat("en-US");

/** The create and edit dialog: one form, prefilled when editing. */
export function KeyFormDialog({
  mode,
  onClose,
  onCreated,
  planLimits,
}: {
  mode: KeyFormMode | null;
  onClose: () => void;
  onCreated: (created: KeyWithSecret) => void;
  planLimits: PlanLimits | null;
}) {
  return (
    <Dialog open={mode !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        className="flex max-h-[calc(100dvh-2rem)] max-w-2xl flex-col gap-0 p-0"
        onEscapeKeyDown={(event) => {
          // Escape first closes an open model list, then the dialog.
          const el = document.activeElement;
          if (el?.getAttribute("role") === "combobox" && el.getAttribute("aria-expanded") === "true") event.preventDefault();
        }}
        onInteractOutside={(event) => event.preventDefault()}
      >
        {mode ? <KeyForm mode={mode} onClose={onClose} onCreated={onCreated} planLimits={planLimits} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-4 border-t pt-5 first:border-t-0 first:pt-0" aria-label={title}>
      <div>
        <h3 className="text-sm font-semibold">{title}</h3>
        {description ? <p className="mt-0.5 text-[13px] text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

function DollarInput({ id, error, ...props }: React.ComponentProps<typeof Input> & { id: string; error?: string }) {
  return (
    <div className="relative">
      <span className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-sm text-muted-foreground" aria-hidden="true">
        $
      </span>
      <Input id={id} inputMode="decimal" autoComplete="off" className="pl-6 tabular-nums" aria-describedby={fieldMessageId(id)} aria-invalid={Boolean(error) || undefined} {...props} />
    </div>
  );
}

function KeyForm({ mode, onClose, onCreated, planLimits }: { mode: KeyFormMode; onClose: () => void; onCreated: (created: KeyWithSecret) => void; planLimits: PlanLimits | null }) {
  const editing = mode.kind === "edit" ? mode.key : null;
  const [values, setValues] = React.useState<KeyFormValues>(() => (editing ? valuesFromKey(editing) : emptyKeyForm));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [formError, setFormError] = React.useState<ApiClientError | null>(null);
  const formRef = React.useRef<HTMLFormElement>(null);
  const create = useCreateKey();
  const update = useUpdateKey();
  const catalog = useModelCatalog(true);
  const pending = create.isPending || update.isPending;

  const live = liveErrors(values);
  const errorOf = (field: KeyField): string | undefined => (field === "allowedIps" ? (live.allowedIps ?? errors.allowedIps) : errors[field]);

  function set<K extends keyof KeyFormValues>(name: K, value: KeyFormValues[K], field?: KeyField) {
    setValues((v) => ({ ...v, [name]: value }));
    if (field && errors[field]) setErrors(({ [field]: _dropped, ...rest }) => rest);
  }

  function focusField(field: KeyField) {
    const id = field === "expiresAt" && values.expiry === "custom" ? "key-expiry-date" : fieldIds[field];
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    const { payload, errors: found } = toPayload(values);
    if (!payload) {
      setErrors(found);
      const first = fieldOrder.find((f) => found[f]);
      if (first) focusField(first);
      return;
    }
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, body: payload });
        toast.success(`Saved “${payload.name}”.`);
        onClose();
      } else {
        const created = await create.mutateAsync(payload);
        // Take the secret out of TanStack Query at once: from here it lives in the page's state only.
        create.reset();
        onCreated(created);
      }
    } catch (err) {
      if (!isApiClientError(err)) throw err;
      const field = fieldOfParam(err.param);
      if (field) {
        setErrors({ [field]: err.message });
        focusField(field);
      } else {
        setFormError(err);
      }
    }
  }

  const ips = parseIpList(values.ips);
  const expiryOption = expiryChoices.find((c) => c.value === values.expiry);
  const expiryHint =
    values.expiry === "never"
      ? "The key works until you disable or revoke it."
      : values.expiry === "keep" && editing?.expiresAt
        ? `${new Date(editing.expiresAt).getTime() <= Date.now() ? "Expired" : "Expires"} ${exactTime(editing.expiresAt)}.`
        : expiryOption?.ms
          ? `Expires ${exactTime(new Date(Date.now() + expiryOption.ms).toISOString())}.`
          : "In your time zone, to the minute.";

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          formRef.current?.requestSubmit();
        }
      }}
      className="flex min-h-0 flex-1 flex-col"
      aria-label={editing ? `Edit ${editing.name}` : "Create API key"}
    >
      <DialogHeader className="px-6 pb-4 pr-12 pt-6">
        <DialogTitle>{editing ? `Edit “${editing.name}”` : "Create API key"}</DialogTitle>
        <DialogDescription>
          {editing
            ? "Changes apply to the very next request made with this key. The secret stays the same."
            : "A key lets an app call the API on your account. Limit what it can spend, which models it may call and from where."}
        </DialogDescription>
      </DialogHeader>

      <div className="min-h-0 flex-1 space-y-5 overflow-y-auto border-t px-6 py-5">
        {formError ? <ErrorCallout error={formError} /> : null}

        <Section title="Basics">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="key-name" label="Name" error={errorOf("name")} hint="Where the key is used, e.g. “billing-worker”.">
              <Input
                id="key-name"
                autoFocus
                autoComplete="off"
                maxLength={100}
                placeholder="My app"
                value={values.name}
                onChange={(e) => set("name", e.target.value, "name")}
                aria-describedby={fieldMessageId("key-name")}
                aria-invalid={Boolean(errorOf("name")) || undefined}
              />
            </Field>
            <div className="grid content-start gap-2">
              <Field id="key-expiry" label="Expiration" error={values.expiry === "custom" ? undefined : errorOf("expiresAt")} hint={values.expiry === "custom" ? undefined : expiryHint}>
                <Select
                  id="key-expiry"
                  value={values.expiry}
                  onChange={(e) => set("expiry", e.target.value as KeyFormValues["expiry"], "expiresAt")}
                  aria-describedby={fieldMessageId("key-expiry")}
                >
                  {editing?.expiresAt ? <option value="keep">Keep current ({formatDate(editing.expiresAt)})</option> : null}
                  {expiryChoices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
              {values.expiry === "custom" ? (
                <Field id="key-expiry-date" label="Expiry date" error={errorOf("expiresAt")} hint={expiryHint} className="[&>div:first-child]:sr-only">
                  <Input
                    id="key-expiry-date"
                    type="datetime-local"
                    min={toLocalInput(new Date())}
                    value={values.customExpiry}
                    onChange={(e) => set("customExpiry", e.target.value, "expiresAt")}
                    aria-describedby={fieldMessageId("key-expiry-date")}
                    aria-invalid={Boolean(errorOf("expiresAt")) || undefined}
                  />
                </Field>
              ) : null}
            </div>
          </div>
        </Section>

        <Section title="Spend limits" description="Requests that would go over a limit get 402 instead of running.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="key-quota" label="Quota (USD)" error={errorOf("quotaUsd")} hint={editing ? `Lifetime cap. ${editing.usedUsd > 0 ? "Used so far counts towards it." : "Empty for unlimited."}` : "Lifetime cap on spend. Empty for unlimited."}>
              <DollarInput id="key-quota" placeholder="Unlimited" value={values.quota} error={errorOf("quotaUsd")} onChange={(e) => set("quota", e.target.value, "quotaUsd")} />
            </Field>
            <div className="grid grid-cols-[1fr_auto] items-start gap-3">
              <Field id="key-budget" label="Monthly budget (USD)" error={errorOf("monthlyBudgetUsd")} hint="Empty for no budget.">
                <DollarInput id="key-budget" placeholder="No budget" value={values.budget} error={errorOf("monthlyBudgetUsd")} onChange={(e) => set("budget", e.target.value, "monthlyBudgetUsd")} />
              </Field>
              <Field id="key-reset-day" label="Resets on day" error={errorOf("budgetResetDay")}>
                <Select id="key-reset-day" className="w-24" value={values.resetDay} disabled={!values.budget.trim()} onChange={(e) => set("resetDay", e.target.value, "budgetResetDay")} aria-describedby={fieldMessageId("key-reset-day")}>
                  {Array.from({ length: 28 }, (_, i) => String(i + 1)).map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </div>
        </Section>

        <Section title="Access" description="Requests outside these lists get 403. Leave a list empty to allow everything.">
          <Field
            id="key-models"
            label="Allowed models"
            error={errorOf("allowedModels")}
            hint={values.models.length ? `Only ${values.models.length === 1 ? "this model" : `these ${values.models.length} models`}.` : `All ${catalog.data ? `${catalog.data.length} ` : ""}models in the catalog.`}
          >
            <ModelPicker
              id="key-models"
              value={values.models}
              onChange={(models) => set("models", models, "allowedModels")}
              catalog={catalog.data}
              loading={catalog.isPending}
              loadError={catalog.error ? `Could not load the model catalog: ${catalog.error.message}` : null}
              describedBy={fieldMessageId("key-models")}
              invalid={Boolean(errorOf("allowedModels"))}
            />
          </Field>
          <Field
            id="key-ips"
            label="Allowed IP addresses"
            error={errorOf("allowedIps")}
            hint={ips.entries.length ? `${ips.entries.length} ${ips.entries.length === 1 ? "entry" : "entries"}: only these addresses may use the key.` : "IPs or CIDR blocks, separated by commas or new lines, e.g. 192.168.1.0/24, 10.0.0.1."}
          >
            <Textarea
              id="key-ips"
              rows={2}
              spellCheck={false}
              autoComplete="off"
              className="font-mono text-[13px]"
              placeholder="Any address"
              value={values.ips}
              onChange={(e) => set("ips", e.target.value, "allowedIps")}
              aria-describedby={fieldMessageId("key-ips")}
              aria-invalid={Boolean(errorOf("allowedIps")) || undefined}
            />
          </Field>
        </Section>

        <Section
          title="Rate limits"
          description={planLimits ? `Optional. Lower than your ${planLimits.planName} plan's ${countFormat.format(planLimits.rpm)} RPM and ${countFormat.format(planLimits.tpm)} TPM, or empty to use the plan's.` : "Optional. Empty uses your plan's limits."}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="key-rpm" label="Requests per minute" error={errorOf("rpmLimit")}>
              <Input id="key-rpm" inputMode="numeric" autoComplete="off" className="tabular-nums" placeholder={planLimits ? `Plan: ${countFormat.format(planLimits.rpm)}` : "Plan default"} value={values.rpm} onChange={(e) => set("rpm", e.target.value, "rpmLimit")} aria-describedby={fieldMessageId("key-rpm")} aria-invalid={Boolean(errorOf("rpmLimit")) || undefined} />
            </Field>
            <Field id="key-tpm" label="Tokens per minute" error={errorOf("tpmLimit")}>
              <Input id="key-tpm" inputMode="numeric" autoComplete="off" className="tabular-nums" placeholder={planLimits ? `Plan: ${countFormat.format(planLimits.tpm)}` : "Plan default"} value={values.tpm} onChange={(e) => set("tpm", e.target.value, "tpmLimit")} aria-describedby={fieldMessageId("key-tpm")} aria-invalid={Boolean(errorOf("tpmLimit")) || undefined} />
            </Field>
          </div>
        </Section>
      </div>

      <div className="flex flex-col-reverse gap-2 border-t bg-muted/30 px-6 py-4 sm:flex-row sm:items-center sm:justify-end">
        <p className="mr-auto hidden text-xs text-muted-foreground sm:block">
          <kbd className="rounded border bg-background px-1 font-sans">Ctrl</kbd> + <kbd className="rounded border bg-background px-1 font-sans">Enter</kbd> to {editing ? "save" : "create"}
        </p>
        <Button variant="outline" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {editing ? "Save changes" : "Create key"}
        </Button>
      </div>
    </form>
  );
}
