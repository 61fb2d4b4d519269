import { describe, expect, it } from "vitest";
import { eventsFromData, readChatStream, type ChatStreamEvent } from "./chat-stream";

function bodyOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(encoder.encode(p));
      controller.close();
    },
  });
}

async function collect(pieces: string[]): Promise<ChatStreamEvent[]> {
  const out: ChatStreamEvent[] = [];
  for await (const e of readChatStream(bodyOf(pieces))) out.push(e);
  return out;
}

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

describe("readChatStream", () => {
  it("yields the text of each delta, the finish reason, usage and the end", async () => {
    const events = await collect([
      chunk("Hel"),
      chunk("lo"),
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
      `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } })}\n\n`,
      "data: [DONE]\n\n",
    ]);
    expect(events).toEqual([
      { type: "delta", content: "Hel" },
      { type: "delta", content: "lo" },
      { type: "finish", reason: "stop" },
      { type: "usage", usage: { promptTokens: 9, completionTokens: 2 } },
      { type: "done" },
    ]);
  });

  it("reassembles events split anywhere across network chunks, including inside UTF-8 characters", async () => {
    const whole = chunk("Grüße ✓") + chunk(" again") + "data: [DONE]\n\n";
    const bytes = new TextEncoder().encode(whole);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(bytes.slice(i, i + 7));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      },
    });
    let text = "";
    for await (const e of readChatStream(body)) if (e.type === "delta") text += e.content;
    expect(text).toBe("Grüße ✓ again");
  });

  it("ignores SSE comments and keep-alives", async () => {
    const events = await collect([": keep-alive\n\n", chunk("x"), "data: [DONE]\n\n"]);
    expect(events.map((e) => e.type)).toEqual(["delta", "done"]);
  });

  it("reports the gateway's error event inside a stream", async () => {
    const events = await collect([chunk("partial"), `data: ${JSON.stringify({ error: { message: "The upstream ended the stream early.", type: "server_error", code: "upstream_error", param: null } })}\n\n`]);
    expect(events[1]).toEqual({ type: "error", error: { message: "The upstream ended the stream early.", type: "server_error", code: "upstream_error", param: null } });
  });
});

describe("eventsFromData", () => {
  it("turns malformed JSON into an error event rather than throwing", () => {
    expect(eventsFromData('{"choices":[{"delta":{"cont')[0]).toMatchObject({ type: "error", error: { code: "upstream_error" } });
  });

  it("separates reasoning from the answer", () => {
    expect(eventsFromData(JSON.stringify({ choices: [{ delta: { reasoning_content: "think", content: "" } }] }))).toEqual([{ type: "reasoning", content: "think" }]);
  });
});
