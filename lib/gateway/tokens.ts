// Real tokenizer counts, used only when an upstream sends no usage (a cut or aborted stream, a
// provider that omits it). The hot path never tokenises, so the encoder's tables (tens of MB of
// heap) are loaded on first need rather than at start.

let tokenizer: Promise<typeof import("gpt-tokenizer")> | null = null;

export async function countText(text: string): Promise<number> {
  if (!text) return 0;
  tokenizer ??= import("gpt-tokenizer");
  return (await tokenizer).countTokens(text);
}

type Part = { type?: unknown; text?: unknown };
type Msg = { role?: unknown; content?: unknown };

function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return (content as Part[]).map((p) => (typeof p?.text === "string" ? p.text : "")).join("\n");
  return "";
}

/** Prompt tokens of a chat / responses / messages request body, about as OpenAI counts them. */
export async function countPromptTokens(body: Record<string, unknown>): Promise<number> {
  let text = "";
  let messages = 0;
  if (Array.isArray(body.messages)) {
    for (const m of body.messages as Msg[]) {
      text += `${String(m?.role ?? "")}\n${contentText(m?.content)}\n`;
      messages++;
    }
  }
  if (typeof body.system === "string") text += body.system;
  else if (Array.isArray(body.system)) text += contentText(body.system);
  if (typeof body.instructions === "string") text += body.instructions;
  if (typeof body.input === "string") text += body.input;
  else if (Array.isArray(body.input)) {
    for (const item of body.input as Msg[]) {
      text += `${contentText(item?.content)}\n`;
      messages++;
    }
  }
  // ~3 tokens of framing per message, as in OpenAI's counting guide.
  return (await countText(text)) + messages * 3;
}

/** A cheap upper-ish estimate for admission (rate limits, reservations): no tokenising. */
export function estimateTokensFromBytes(bytes: number): number {
  return Math.ceil(bytes / 3);
}
