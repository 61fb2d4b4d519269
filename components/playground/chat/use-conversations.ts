"use client";

import * as React from "react";
import { toast } from "sonner";
import { loadConversations, newConversation, saveConversations, type ChatMessage, type Conversation } from "@/lib/playground/conversations";

/**
 * The conversations of this browser and the one on screen. Saved to localStorage whenever they
 * change and nothing is streaming (`paused`), so a reply is written once, not per token.
 */
export function useConversations(paused: boolean) {
  const [conversations, setConversations] = React.useState<Conversation[]>([]);
  const [activeId, setActiveId] = React.useState<string | null>(null);
  const [loaded, setLoaded] = React.useState(false);
  const warned = React.useRef(false);

  React.useEffect(() => {
    const list = loadConversations(window.localStorage);
    const first = list[0] ?? newConversation("");
    setConversations(list.length ? list : [first]);
    setActiveId(first.id);
    setLoaded(true);
  }, []);

  React.useEffect(() => {
    if (!loaded || paused) return;
    // Untouched new chats are not worth keeping.
    const worth = conversations.filter((c) => c.messages.length > 0 || c.title !== "New chat");
    const result = saveConversations(window.localStorage, worth);
    if (result !== "saved" && !warned.current) {
      warned.current = true;
      toast.warning(
        result === "failed" ? "Conversations could not be saved in this browser (storage full or blocked)." : "Browser storage is full: saved conversations keep their text but not their images.",
      );
    }
  }, [conversations, loaded, paused]);

  const active = conversations.find((c) => c.id === activeId) ?? conversations[0];

  const update = React.useCallback((id: string, fn: (c: Conversation) => Conversation) => {
    setConversations((cs) => cs.map((c) => (c.id === id ? fn(c) : c)));
  }, []);

  const updateMessage = React.useCallback(
    (conversationId: string, messageId: string, patch: Partial<ChatMessage>) => {
      update(conversationId, (c) => ({ ...c, messages: c.messages.map((m) => (m.id === messageId ? { ...m, ...patch } : m)) }));
    },
    [update],
  );

  /** A new chat with the current model, system prompt and parameters. */
  const create = React.useCallback((from?: Conversation) => {
    const c = { ...newConversation(from?.model ?? ""), system: from?.system ?? "", params: from?.params ?? newConversation("").params };
    setConversations((cs) => [c, ...cs]);
    setActiveId(c.id);
  }, []);

  const remove = React.useCallback(
    (id: string) => {
      const removed = conversations.find((c) => c.id === id);
      const rest = conversations.filter((c) => c.id !== id);
      const next = rest.length ? rest : [{ ...newConversation(removed?.model ?? ""), params: removed?.params ?? newConversation("").params }];
      setConversations(next);
      if (id === active?.id) setActiveId(next[0]!.id);
    },
    [conversations, active?.id],
  );

  const rename = React.useCallback((id: string, title: string) => update(id, (c) => ({ ...c, title: title.trim() || c.title, updatedAt: Date.now() })), [update]);

  return { conversations, active, loaded, setActiveId, update, updateMessage, create, remove, rename };
}
