import { describe, expect, it } from "vitest";
import { loadConversations, newConversation, saveConversations, STORAGE_KEY, titleFrom, type Conversation } from "./conversations";

class MemoryStorage {
  items = new Map<string, string>();
  limit = Infinity;
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.limit) throw new DOMException("full", "QuotaExceededError");
    this.items.set(k, v);
  }
}

function withMessages(c: Conversation, images = false): Conversation {
  return {
    ...c,
    messages: [
      { id: "1", role: "user", content: "Look at this", ...(images ? { images: ["data:image/png;base64," + "A".repeat(10_000)] } : {}) },
      { id: "2", role: "assistant", content: "A picture." },
    ],
  };
}

describe("conversation storage", () => {
  it("round-trips conversations, newest first", () => {
    const s = new MemoryStorage();
    const a = { ...newConversation("gpt-4o-mini", 1000), title: "older" };
    const b = { ...withMessages(newConversation("gpt-4o", 2000)), title: "newer" };
    expect(saveConversations(s, [a, b])).toBe("saved");
    expect(loadConversations(s).map((c) => c.title)).toEqual(["newer", "older"]);
    expect(loadConversations(s)[0]!.messages).toHaveLength(2);
  });

  it("skips entries that do not validate and survives garbage", () => {
    const s = new MemoryStorage();
    const good = newConversation("m", 5);
    s.items.set(STORAGE_KEY, JSON.stringify({ version: 1, conversations: [good, { id: 3 }, null] }));
    expect(loadConversations(s).map((c) => c.id)).toEqual([good.id]);
    s.items.set(STORAGE_KEY, "{not json");
    expect(loadConversations(s)).toEqual([]);
  });

  it("drops image data rather than the text when the storage is full", () => {
    const s = new MemoryStorage();
    s.limit = 5_000;
    const c = withMessages(newConversation("gpt-4o"), true);
    expect(saveConversations(s, [c])).toBe("saved-without-images");
    const [back] = loadConversations(s);
    expect(back!.messages[0]).toMatchObject({ content: "Look at this" });
    expect(back!.messages[0]!.images).toBeUndefined();
  });

  it("titles a conversation by its first words", () => {
    expect(titleFrom("  How do I\n stream   tokens? ")).toBe("How do I stream tokens?");
    expect(titleFrom("x".repeat(80))).toHaveLength(58);
    expect(titleFrom("")).toBe("New chat");
  });
});
