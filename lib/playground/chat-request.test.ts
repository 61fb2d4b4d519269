import { describe, expect, it } from "vitest";
import { buildChatBody, clampParam, DEFAULT_PARAMS, PARAM_LIMITS } from "./chat-request";

describe("buildChatBody", () => {
  it("sends only what the person changed, and always asks for usage in the stream", () => {
    const body = buildChatBody({ model: "gpt-4o-mini", system: "", turns: [{ role: "user", content: "Hi" }], params: DEFAULT_PARAMS });
    expect(body).toEqual({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true, stream_options: { include_usage: true } });
  });

  it("puts the system prompt first and the parameters under their API names", () => {
    const body = buildChatBody({
      model: "m",
      system: "Be brief.",
      turns: [
        { role: "user", content: "a" },
        { role: "assistant", content: "b" },
        { role: "user", content: "c" },
      ],
      params: { temperature: 0.2, topP: 0.9, maxTokens: 256, frequencyPenalty: 0.5, presencePenalty: -1, stop: ["END", "", "###"] },
    });
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(body).toMatchObject({ temperature: 0.2, top_p: 0.9, max_tokens: 256, frequency_penalty: 0.5, presence_penalty: -1, stop: ["END", "###"] });
  });

  it("sends image attachments as image_url parts after the text", () => {
    const body = buildChatBody({ model: "gpt-4o", system: "", turns: [{ role: "user", content: "What is this?", images: ["data:image/png;base64,AAA"] }], params: DEFAULT_PARAMS });
    expect(body.messages[0]!.content).toEqual([
      { type: "text", text: "What is this?" },
      { type: "image_url", image_url: { url: "data:image/png;base64,AAA" } },
    ]);
  });
});

describe("clampParam", () => {
  it("keeps values inside the documented range", () => {
    expect(clampParam(3, PARAM_LIMITS.temperature, 1)).toBe(2);
    expect(clampParam(-5, PARAM_LIMITS.presencePenalty, 0)).toBe(-2);
    expect(clampParam(Number.NaN, PARAM_LIMITS.topP, 1)).toBe(1);
  });
});
