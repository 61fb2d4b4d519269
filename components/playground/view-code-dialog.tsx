"use client";

import * as React from "react";
import { Code2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { KEY_ENV, type Snippets } from "@/lib/playground/snippets";
import { CodeBlock } from "./markdown";

const TABS = [
  { value: "curl", label: "curl", language: "bash" },
  { value: "python", label: "Python", language: "python" },
  { value: "node", label: "Node.js", language: "javascript" },
] as const;

/** "View code": the current request as curl, Python and Node, each with a copy button. */
export function ViewCodeDialog({ snippets, note, disabled }: { snippets: () => Snippets; note?: string; disabled?: boolean }) {
  const [open, setOpen] = React.useState(false);
  const [tab, setTab] = React.useState<(typeof TABS)[number]["value"]>("curl");
  // Built when opened, so the dialog shows the request as it is at that moment.
  const code = React.useMemo(() => (open ? snippets() : null), [open, snippets]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled}>
          <Code2 aria-hidden="true" /> View code
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-3xl grid-cols-1">
        <DialogHeader>
          <DialogTitle>View code</DialogTitle>
          <DialogDescription>
            This request, ready to run against this console&apos;s API. Set <code className="rounded bg-muted px-1 font-mono text-[13px]">{KEY_ENV}</code> to one of your API
            keys first{note ? `. ${note}` : "."}
          </DialogDescription>
        </DialogHeader>
        <Tabs value={tab} onValueChange={(v) => setTab(v as typeof tab)} className="min-w-0">
          <TabsList aria-label="Language" className="mb-3">
            {TABS.map((t) => (
              <TabsTrigger key={t.value} value={t.value}>
                {t.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {code
            ? TABS.map((t) => (
                <TabsContent key={t.value} value={t.value} className="min-w-0">
                  <CodeBlock code={code[t.value]} language={t.language} />
                </TabsContent>
              ))
            : null}
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
