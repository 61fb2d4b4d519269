"use client";

import { KeyRound, ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { buildSnippet, snippetLanguages, snippetModel } from "@/lib/client/snippets";

export interface ShownSecret {
  title: string;
  keyName: string;
  secret: string;
  allowedModels: string[];
}

/**
 * Shows a secret once. The secret lives in the parent's state only; closing calls onClose, which
 * drops it, so it is gone from memory as far as the page is concerned.
 */
export function SecretDialog({ shown, baseUrl, onClose }: { shown: ShownSecret | null; baseUrl: string; onClose: () => void }) {
  return (
    <Dialog open={shown !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        className="max-h-[calc(100dvh-2rem)] max-w-2xl overflow-y-auto"
        // A stray click outside must not throw away a secret that cannot be shown again.
        onInteractOutside={(event) => event.preventDefault()}
      >
        {shown ? <SecretBody shown={shown} baseUrl={baseUrl} onClose={onClose} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function SecretBody({ shown, baseUrl, onClose }: { shown: ShownSecret; baseUrl: string; onClose: () => void }) {
  const model = snippetModel(shown.allowedModels);
  return (
    <>
      <DialogHeader>
        <div className="mb-1 flex size-10 items-center justify-center rounded-full bg-success/12 text-success">
          <KeyRound className="size-5" aria-hidden="true" />
        </div>
        <DialogTitle>{shown.title}</DialogTitle>
        <DialogDescription>
          The secret of <span className="font-medium text-foreground">{shown.keyName}</span>. Send it as{" "}
          <code className="rounded bg-muted px-1 py-0.5 font-mono text-[12px]">Authorization: Bearer …</code> to {baseUrl}.
        </DialogDescription>
      </DialogHeader>

      <div className="flex items-start gap-2.5 rounded-md border border-warning/50 bg-warning/10 px-3 py-2.5 text-sm">
        <ShieldAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <p className="font-medium">Copy this key now. You will not be able to see it again.</p>
      </div>

      <div>
        <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground" id="secret-label">
          Secret key
        </p>
        <div className="flex items-center gap-2 rounded-md border bg-muted/40 py-1 pl-3 pr-1">
          <code aria-labelledby="secret-label" data-testid="secret-value" className="min-w-0 flex-1 select-all break-all py-1 font-mono text-[13px] leading-relaxed">
            {shown.secret}
          </code>
          <CopyButton value={shown.secret} label="Copy key" showText variant="default" />
        </div>
      </div>

      <Tabs defaultValue="curl" className="min-w-0">
        <div className="mb-2 flex items-center justify-between gap-2">
          <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Quick start</p>
          <TabsList variant="pill-sm" aria-label="Example language">
            {snippetLanguages.map((l) => (
              <TabsTrigger key={l.id} value={l.id}>
                {l.label}
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        {snippetLanguages.map((l) => {
          const code = buildSnippet(l.id, { baseUrl, secret: shown.secret, model });
          return (
            <TabsContent key={l.id} value={l.id} className="relative">
              <pre className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-3 pr-12 font-mono text-[12.5px] leading-relaxed">
                <code>{code}</code>
              </pre>
              <CopyButton value={code} label={`Copy ${l.label} example`} className="absolute right-1.5 top-1.5 bg-background/80" />
            </TabsContent>
          );
        })}
      </Tabs>

      <DialogFooter>
        <Button onClick={onClose}>Done</Button>
      </DialogFooter>
    </>
  );
}
