"use client";

import * as React from "react";
import { MessageSquare, SlidersHorizontal } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CatalogPrice } from "@/lib/catalog/prices";
import { buildChatBody, DEFAULT_PARAMS, type ChatTurn } from "@/lib/playground/chat-request";
import { newId, titleFrom, type ChatMessage, type Conversation } from "@/lib/playground/conversations";
import { acceptsImages, modelsOf } from "@/lib/playground/models";
import { chatSnippets, elideDataUrls } from "@/lib/playground/snippets";
import { cn } from "@/lib/utils";
import { useCatalog, useKeyModels } from "../use-catalog";
import { usePlaygroundKey } from "../use-playground-key";
import { ViewCodeDialog } from "../view-code-dialog";
import { ChatMessageView } from "./chat-message";
import { ChatSettings } from "./chat-settings";
import { Composer, type Attachment } from "./composer";
import { ConversationBar } from "./conversation-bar";
import { runCompletion } from "./run-completion";
import { useConversations } from "./use-conversations";

const PREFERRED = ["gpt-4o-mini", "gpt-5-mini", "gpt-4.1-mini"];
const SUGGESTIONS = ["Explain server-sent events in three sentences.", "Write a Python function that retries an HTTP call with backoff.", "Compare REST and GraphQL in a table."];

function defaultModel(models: CatalogPrice[]): string {
  return PREFERRED.find((id) => models.some((m) => m.model === id)) ?? models[0]?.model ?? "";
}

function turnsOf(messages: ChatMessage[]): ChatTurn[] {
  // A failed reply with no text is not part of the conversation the model sees.
  return messages.filter((m) => m.content || m.images?.length).map((m) => ({ role: m.role, content: m.content, images: m.images }));
}

export function ChatPlayground({ baseUrl }: { baseUrl: string }) {
  const catalog = useCatalog();
  const { keyId, selected } = usePlaygroundKey();
  const allowed = useKeyModels(keyId ? selected : undefined);
  const chatModels = React.useMemo(() => modelsOf(catalog.data, "chat"), [catalog.data]);
  const [running, setRunning] = React.useState(false);
  const [streamingId, setStreamingId] = React.useState<string | null>(null);
  const convs = useConversations(running);
  const { active, update, updateMessage } = convs;
  const [draft, setDraft] = React.useState("");
  const [attachments, setAttachments] = React.useState<Attachment[]>([]);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const controllerRef = React.useRef<AbortController | null>(null);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const stickRef = React.useRef(true);

  // A conversation without a model (new) or with one no longer offered gets the default.
  React.useEffect(() => {
    if (!active || !chatModels.length || chatModels.some((m) => m.model === active.model)) return;
    update(active.id, (c) => ({ ...c, model: defaultModel(chatModels) }));
  }, [active, chatModels, update]);

  React.useEffect(() => () => controllerRef.current?.abort(), []);

  // Follow the reply as it grows, unless the person scrolled up to read.
  React.useEffect(() => {
    const el = scrollRef.current;
    if (el && stickRef.current) el.scrollTop = el.scrollHeight;
  }, [active?.messages]);

  const price = chatModels.find((m) => m.model === active?.model);
  const keyName = keyId ? selected?.name : "Playground key";

  const start = async (conv: Conversation, history: ChatMessage[]) => {
    const assistant: ChatMessage = { id: newId(), role: "assistant", content: "" };
    const firstUser = history.find((m) => m.role === "user");
    update(conv.id, (c) => ({
      ...c,
      messages: [...history, assistant],
      updatedAt: Date.now(),
      title: c.title === "New chat" && firstUser ? titleFrom(firstUser.content || "Image question") : c.title,
    }));
    const controller = new AbortController();
    controllerRef.current = controller;
    stickRef.current = true;
    setRunning(true);
    setStreamingId(assistant.id);
    // Re-render at most every ~32 ms however fast tokens come: Markdown parsing per token is waste.
    let pending: { content: string; reasoning?: string } | null = null;
    let timer = 0;
    const flush = () => {
      timer = 0;
      if (pending) updateMessage(conv.id, assistant.id, pending);
      pending = null;
    };
    const body = buildChatBody({ model: conv.model, system: conv.system, turns: turnsOf(history), params: conv.params });
    const result = await runCompletion({
      body,
      keyId,
      price: chatModels.find((m) => m.model === conv.model),
      signal: controller.signal,
      onText: (content, reasoning) => {
        pending = { content, reasoning: reasoning || undefined };
        if (!timer) timer = window.setTimeout(flush, 32);
      },
    });
    window.clearTimeout(timer);
    updateMessage(conv.id, assistant.id, { content: result.content, reasoning: result.reasoning || undefined, metrics: result.metrics, error: result.error });
    update(conv.id, (c) => ({ ...c, updatedAt: Date.now() }));
    controllerRef.current = null;
    setRunning(false);
    setStreamingId(null);
  };

  const send = () => {
    if (!active || running || !active.model) return;
    if (!draft.trim() && !attachments.length) return;
    const user: ChatMessage = { id: newId(), role: "user", content: draft, ...(attachments.length ? { images: attachments.map((a) => a.url) } : {}) };
    setDraft("");
    setAttachments([]);
    void start(active, [...active.messages, user]);
  };

  const regenerate = () => {
    if (!active || running) return;
    const last = active.messages.at(-1);
    void start(active, last?.role === "assistant" ? active.messages.slice(0, -1) : active.messages);
  };

  const editAndSend = (messageId: string, text: string) => {
    if (!active || running) return;
    const i = active.messages.findIndex((m) => m.id === messageId);
    if (i < 0) return;
    void start(active, [...active.messages.slice(0, i), { ...active.messages[i]!, content: text }]);
  };

  const snippets = React.useCallback(() => {
    const turns = turnsOf(active?.messages ?? []);
    if (draft.trim() || attachments.length) turns.push({ role: "user", content: draft, images: attachments.map((a) => a.url) });
    if (!turns.length) turns.push({ role: "user", content: "Hello!" });
    const body = buildChatBody({ model: active?.model ?? "", system: active?.system ?? "", turns, params: active?.params ?? DEFAULT_PARAMS });
    return chatSnippets(elideDataUrls(body).value as unknown as Record<string, unknown>, baseUrl);
  }, [active, draft, attachments, baseUrl]);

  const hasImages = Boolean(attachments.length || active?.messages.some((m) => m.images?.length));
  const messages = active?.messages ?? [];

  return (
    <>
      <PageHeader
        title="Chat"
        description="Streamed replies from any chat model through your own key, with tokens, cost and timing for each."
        actions={
          <>
            <Button variant="outline" size="sm" className="lg:hidden" aria-expanded={settingsOpen} aria-controls="pg-chat-settings" onClick={() => setSettingsOpen((o) => !o)}>
              <SlidersHorizontal aria-hidden="true" /> Settings
            </Button>
            <ViewCodeDialog snippets={snippets} disabled={!active?.model} note={hasImages ? "Inline image data is shown as a placeholder" : undefined} />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <section aria-label="Conversation" className="flex h-[calc(100dvh-12rem)] min-h-[26rem] flex-col overflow-hidden rounded-lg border bg-card shadow-xs sm:h-[calc(100dvh-13.5rem)]">
          <ConversationBar
            conversations={convs.conversations}
            active={active}
            onSelect={convs.setActiveId}
            onNew={() => convs.create(active)}
            onRename={convs.rename}
            onDelete={convs.remove}
            disabled={running || !convs.loaded}
          />
          <div
            ref={scrollRef}
            onScroll={(e) => {
              const el = e.currentTarget;
              stickRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
            }}
            className="flex-1 overflow-y-auto px-3 py-5 sm:px-5"
          >
            {messages.length === 0 ? (
              <div className="mx-auto flex h-full max-w-md flex-col items-center justify-center text-center">
                <div className="mb-3 flex size-11 items-center justify-center rounded-full bg-primary/10 text-primary">
                  <MessageSquare className="size-5" aria-hidden="true" />
                </div>
                <h2 className="text-sm font-semibold">Start a conversation{active?.model ? ` with ${active.model}` : ""}</h2>
                <p className="mt-1 text-sm text-muted-foreground">Replies stream in as they are written. Each one shows its time to first token, tokens in and out, cost and total time.</p>
                <div className="mt-4 flex flex-wrap justify-center gap-2">
                  {SUGGESTIONS.map((s) => (
                    <button key={s} type="button" onClick={() => setDraft(s)} className="rounded-full border bg-background px-3 py-1 text-xs text-muted-foreground transition-colors hover:bg-muted hover:text-foreground">
                      {s}
                    </button>
                  ))}
                </div>
              </div>
            ) : (
              <ol aria-label="Messages" className="mx-auto flex max-w-3xl flex-col gap-6">
                {messages.map((m, i) => (
                  <ChatMessageView
                    key={m.id}
                    message={m}
                    streaming={m.id === streamingId}
                    busy={running}
                    isLast={i === messages.length - 1}
                    onEditSend={(text) => editAndSend(m.id, text)}
                    onRegenerate={regenerate}
                    keyName={keyName}
                  />
                ))}
              </ol>
            )}
          </div>
          <div className="border-t bg-muted/20 p-2 sm:p-3">
            <Composer
              value={draft}
              onChange={setDraft}
              attachments={attachments}
              onAttachments={setAttachments}
              onSend={send}
              onStop={() => controllerRef.current?.abort()}
              running={running}
              canAttach={Boolean(active?.model && acceptsImages(active.model))}
              model={active?.model ?? ""}
              disabled={!convs.loaded || !active?.model}
            />
          </div>
        </section>
        <aside id="pg-chat-settings" aria-label="Chat settings" className={cn("order-first lg:order-none", !settingsOpen && "hidden lg:block")}>
          <Card className="p-4 lg:max-h-[calc(100dvh-13.5rem)] lg:overflow-y-auto">
            {active ? (
              <ChatSettings
                models={chatModels}
                modelsLoading={catalog.isPending}
                allowed={allowed}
                model={active.model}
                onModel={(model) => update(active.id, (c) => ({ ...c, model }))}
                system={active.system}
                onSystem={(system) => update(active.id, (c) => ({ ...c, system }))}
                params={active.params}
                onParams={(params) => update(active.id, (c) => ({ ...c, params }))}
                disabled={running}
              />
            ) : null}
            {price === undefined && catalog.isError ? <p className="mt-3 text-sm text-destructive">The model list could not be loaded. Reload the page to try again.</p> : null}
          </Card>
        </aside>
      </div>
    </>
  );
}
