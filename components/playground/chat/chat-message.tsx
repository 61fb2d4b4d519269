"use client";

import * as React from "react";
import { Bot, Pencil, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Textarea } from "@/components/ui/textarea";
import type { ChatMessage } from "@/lib/playground/conversations";
import { cn } from "@/lib/utils";
import { Markdown } from "../markdown";
import { PlaygroundError } from "../playground-error";
import { ReplyMetricsLine } from "./reply-metrics";

function UserMessage({ message, onEditSend, disabled }: { message: ChatMessage; onEditSend: (text: string) => void; disabled: boolean }) {
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState(message.content);
  const submit = () => {
    if (!draft.trim() && !message.images?.length) return;
    setEditing(false);
    onEditSend(draft);
  };
  if (editing) {
    return (
      <div className="ml-auto grid w-full max-w-[85%] gap-2">
        <Textarea
          aria-label="Edit message"
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            } else if (e.key === "Escape") setEditing(false);
          }}
          className="min-h-24"
        />
        <div className="flex justify-end gap-2">
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          <Button size="sm" onClick={submit}>
            Save &amp; send
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="group ml-auto flex max-w-[85%] flex-col items-end gap-1">
      {message.images?.length ? (
        <div className="flex flex-wrap justify-end gap-2">
          {message.images.map((src, i) => (
            <img key={i} src={src} alt={`Attached image ${i + 1}`} className="size-24 rounded-md border object-cover" />
          ))}
        </div>
      ) : null}
      {message.content ? <div className="whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-primary/10 px-3.5 py-2 text-sm">{message.content}</div> : null}
      <div className="flex gap-0.5 opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <CopyButton value={message.content} label="Copy message" className="size-7" />
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7"
          aria-label="Edit and resend"
          title="Edit and resend"
          disabled={disabled}
          onClick={() => {
            setDraft(message.content);
            setEditing(true);
          }}
        >
          <Pencil aria-hidden="true" />
        </Button>
      </div>
    </div>
  );
}

function AssistantMessage({
  message,
  streaming,
  canRegenerate,
  onRegenerate,
  keyName,
}: {
  message: ChatMessage;
  streaming: boolean;
  canRegenerate: boolean;
  onRegenerate: () => void;
  keyName?: string;
}) {
  const waiting = streaming && !message.content && !message.reasoning;
  return (
    <div className="group flex gap-3">
      <div className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Bot className="size-4" aria-hidden="true" />
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        {message.reasoning ? (
          <details className="rounded-md border bg-muted/30 px-3 py-2 text-[13px] text-muted-foreground" open={streaming && !message.content}>
            <summary className="cursor-pointer select-none font-medium">Reasoning</summary>
            <p className="mt-2 whitespace-pre-wrap">{message.reasoning}</p>
          </details>
        ) : null}
        {waiting ? (
          <p className="flex items-center gap-1 py-1 text-sm text-muted-foreground" aria-label="Waiting for the first token">
            <span className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.2s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.1s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-current" />
          </p>
        ) : message.content ? (
          <div data-role="assistant-reply" aria-busy={streaming || undefined}>
            <Markdown streaming={streaming}>{message.content}</Markdown>
          </div>
        ) : null}
        {message.error ? <PlaygroundError error={message.error} model={message.metrics?.model} keyName={keyName} onRetry={canRegenerate ? onRegenerate : undefined} /> : null}
        {/* A failed reply with no text has only its error (and Retry); the rest get numbers and actions. */}
        {!streaming && (message.content || (message.metrics && !message.error)) ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {message.metrics ? <ReplyMetricsLine metrics={message.metrics} /> : null}
            <div className={cn("ml-auto flex gap-0.5", "opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100")}>
              {message.content ? <CopyButton value={message.content} label="Copy reply" className="size-7" /> : null}
              {canRegenerate ? (
                <Button variant="ghost" size="icon-sm" className="size-7" aria-label="Regenerate" title="Regenerate" onClick={onRegenerate}>
                  <RefreshCw aria-hidden="true" />
                </Button>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function ChatMessageView(props: {
  message: ChatMessage;
  streaming: boolean;
  busy: boolean;
  isLast: boolean;
  onEditSend: (text: string) => void;
  onRegenerate: () => void;
  keyName?: string;
}) {
  const { message } = props;
  return (
    <li aria-label={message.role === "user" ? "Your message" : "Assistant reply"} className="list-none">
      {message.role === "user" ? (
        <UserMessage message={message} onEditSend={props.onEditSend} disabled={props.busy} />
      ) : (
        <AssistantMessage message={message} streaming={props.streaming} canRegenerate={props.isLast && !props.busy} onRegenerate={props.onRegenerate} keyName={props.keyName} />
      )}
    </li>
  );
}
