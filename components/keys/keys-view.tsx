"use client";

import * as React from "react";
import { Switch } from "radix-ui";
import { KeyRound, Plus, Search, X } from "lucide-react";
import { toast } from "sonner";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiClientError, type ApiClientError } from "@/lib/client/fetcher";
import { ConfirmDialog } from "./confirm-dialog";
import type { PlanLimits } from "@/lib/keys";
import { KeyFormDialog, type KeyFormMode } from "./key-form-dialog";
import { useNow, type KeyActionHandlers } from "./key-parts";
import { KeysTable } from "./keys-table";
import { AlreadyShownBanner, RevealBanner } from "./reveal-banner";
import { SecretDialog, type ShownSecret } from "./secret-dialog";
import { useKeys, useRevealKey, useRevokeKey, useRotateKey, useUpdateKey, type KeyWithSecret, type PublicKey } from "./use-keys";
import { MAX_ACTIVE_KEYS } from "@/lib/keys/limits";


type Confirm = { kind: "rotate" | "revoke"; key: PublicKey } | null;

function BaseUrl({ baseUrl, className }: { baseUrl: string; className?: string }) {
  return (
    <div className={className}>
      <div className="flex min-w-0 items-center gap-2 rounded-md border bg-muted/40 py-1 pl-3 pr-1">
        <span className="shrink-0 text-xs font-medium text-muted-foreground">Base URL</span>
        <code className="min-w-0 flex-1 truncate font-mono text-[13px]" data-testid="base-url">
          {baseUrl}
        </code>
        <CopyButton value={baseUrl} label="Copy base URL" />
      </div>
    </div>
  );
}

function LoadingRows() {
  return (
    <div className="space-y-px overflow-hidden rounded-lg border" aria-busy="true" aria-label="Loading keys">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="flex items-center gap-6 bg-card px-4 py-4">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="hidden h-4 w-16 sm:block" />
          <Skeleton className="ml-auto h-4 w-20" />
        </div>
      ))}
    </div>
  );
}

export function KeysView({ baseUrl, planLimits }: { baseUrl: string; planLimits: PlanLimits | null }) {
  const [showRevoked, setShowRevoked] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [form, setForm] = React.useState<KeyFormMode | null>(null);
  const [confirm, setConfirm] = React.useState<Confirm>(null);
  const [confirmError, setConfirmError] = React.useState<ApiClientError | null>(null);
  // The one place a secret lives on this page; cleared when the dialog closes.
  const [shown, setShown] = React.useState<ShownSecret | null>(null);
  // Keys whose reveal was refused because the secret was already shown (offer a rotation).
  const [alreadyShown, setAlreadyShown] = React.useState<PublicKey[]>([]);
  const [dismissed, setDismissed] = React.useState<string[]>([]);
  const revealTried = React.useRef(new Set<string>());

  const now = useNow();
  const keys = useKeys(showRevoked);
  const update = useUpdateKey();
  const rotate = useRotateKey();
  const revoke = useRevokeKey();
  const reveal = useRevealKey();

  const all = keys.data ?? [];
  const q = query.trim().toLowerCase();
  const visible = q ? all.filter((k) => k.name.toLowerCase().includes(q) || k.display.toLowerCase().includes(q)) : all;
  const pendingReveal = all.filter((k) => k.revealPending && k.status !== "revoked" && !alreadyShown.some((a) => a.id === k.id));
  const activeApiKeys = all.filter((k) => k.purpose === "api" && k.status !== "revoked").length;

  function show(title: string, { key, secret }: KeyWithSecret) {
    setShown({ title, keyName: key.name, secret, allowedModels: key.allowedModels });
  }

  async function doReveal(key: PublicKey) {
    // One reveal call per key: the server hands the secret out once, a second call would be a 409.
    if (revealTried.current.has(key.id)) return;
    revealTried.current.add(key.id);
    try {
      const result = await reveal.mutateAsync(key.id);
      reveal.reset();
      show(`Your ${key.name} key`, result);
    } catch (err) {
      if (isApiClientError(err) && err.status === 409) {
        setAlreadyShown((list) => [...list, key]);
      } else {
        // The claim is atomic on the server, so trying again is safe: at worst it answers 409.
        revealTried.current.delete(key.id);
        toast.error(err instanceof Error ? err.message : "Could not reveal the key.");
      }
    }
  }

  const handlers: KeyActionHandlers = {
    onEdit: (key) => setForm({ kind: "edit", key }),
    onToggle: (key) => {
      const status = key.status === "disabled" ? "ACTIVE" : "DISABLED";
      update.mutate(
        { id: key.id, body: { status } },
        {
          onSuccess: () => toast.success(status === "ACTIVE" ? `Enabled “${key.name}”.` : `Disabled “${key.name}”. Requests with it now get 401.`),
          onError: (err) => toast.error(err.message),
        },
      );
    },
    onRotate: (key) => {
      setConfirmError(null);
      setConfirm({ kind: "rotate", key });
    },
    onRevoke: (key) => {
      setConfirmError(null);
      setConfirm({ kind: "revoke", key });
    },
  };

  async function confirmAction() {
    if (!confirm) return;
    const { kind, key } = confirm;
    setConfirmError(null);
    try {
      if (kind === "rotate") {
        const result = await rotate.mutateAsync(key.id);
        rotate.reset();
        setConfirm(null);
        setAlreadyShown((list) => list.filter((k) => k.id !== key.id));
        show(`New secret for “${key.name}”`, result);
      } else {
        await revoke.mutateAsync(key.id);
        setConfirm(null);
        toast.success(`Revoked “${key.name}”. Requests with it now get 401.`);
      }
    } catch (err) {
      if (isApiClientError(err)) setConfirmError(err);
      else throw err;
    }
  }

  const createButton = (
    <Button onClick={() => setForm({ kind: "create" })}>
      <Plus aria-hidden="true" /> Create key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your code call models through this console. Each has its own limits, allowlists and usage."
        actions={createButton}
      />

      <div className="space-y-4">
        <RevealBanner keys={pendingReveal} pendingId={reveal.isPending ? (reveal.variables ?? null) : null} onReveal={(k) => void doReveal(k)} />
        {alreadyShown
          .filter((k) => !dismissed.includes(k.id))
          .map((k) => (
            <AlreadyShownBanner key={k.id} keyItem={k} onRotate={() => handlers.onRotate(k)} onDismiss={() => setDismissed((d) => [...d, k.id])} />
          ))}

        <BaseUrl baseUrl={baseUrl} />

        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <div className="relative sm:max-w-xs sm:flex-1">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
            <Input type="search" aria-label="Search keys by name" placeholder="Search by name" className="pl-8" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <label className="flex cursor-pointer items-center gap-2 text-sm text-muted-foreground sm:ml-auto">
            <Switch.Root
              checked={showRevoked}
              onCheckedChange={setShowRevoked}
              className="relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent bg-input transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background data-[state=checked]:bg-primary"
            >
              <Switch.Thumb className="pointer-events-none block size-4 translate-x-0.5 rounded-full bg-background shadow-sm transition-transform data-[state=checked]:translate-x-4" />
            </Switch.Root>
            Show revoked
          </label>
        </div>

        {keys.isPending ? (
          <LoadingRows />
        ) : keys.error ? (
          <ErrorCallout
            error={keys.error}
            title="Could not load your keys"
            action={
              <Button size="sm" variant="outline" className="mt-2" onClick={() => void keys.refetch()}>
                Try again
              </Button>
            }
          />
        ) : all.length === 0 ? (
          <EmptyState
            icon={KeyRound}
            title="No API keys yet"
            description="An API key lets an app, a script or a server call models through this console with the OpenAI SDKs or any HTTP client. Give each app its own key, so you can limit, rotate or revoke it on its own."
            action={
              <div className="flex w-full max-w-md flex-col items-center gap-4">
                <BaseUrl baseUrl={baseUrl} className="w-full" />
                {createButton}
              </div>
            }
          />
        ) : visible.length === 0 ? (
          <EmptyState
            icon={Search}
            title={`No keys match “${query.trim()}”`}
            description="Search looks at key names and their sk- fragments."
            action={
              <Button variant="outline" size="sm" onClick={() => setQuery("")}>
                <X aria-hidden="true" /> Clear search
              </Button>
            }
          />
        ) : (
          <>
            <KeysTable keys={visible} now={now} handlers={handlers} />
            <p className="text-xs text-muted-foreground">
              {activeApiKeys} of {MAX_ACTIVE_KEYS} active keys used.
            </p>
          </>
        )}
      </div>

      <KeyFormDialog
        mode={form}
        planLimits={planLimits}
        onClose={() => setForm(null)}
        onCreated={(created) => {
          setForm(null);
          show("API key created", created);
        }}
      />

      <SecretDialog shown={shown} baseUrl={baseUrl} onClose={() => setShown(null)} />

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === "rotate" ? `Rotate “${confirm.key.name}”?` : `Revoke “${confirm?.key.name ?? ""}”?`}
        description={
          confirm?.kind === "rotate" ? (
            <>
              <p>
                A new secret replaces <code className="font-mono text-foreground">{confirm.key.display}</code>. The old secret stops working at once, so update every app that uses it.
              </p>
              <p>The key&apos;s name, limits and usage stay the same.</p>
            </>
          ) : confirm ? (
            <>
              <p>
                Requests with <code className="font-mono text-foreground">{confirm.key.display}</code> will get 401 from now on. This cannot be undone.
              </p>
              <p>Its usage history stays in your logs and reports.</p>
            </>
          ) : null
        }
        confirmLabel={confirm?.kind === "rotate" ? "Rotate key" : "Revoke key"}
        destructive={confirm?.kind === "revoke"}
        pending={rotate.isPending || revoke.isPending}
        error={confirmError}
        onConfirm={() => void confirmAction()}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
