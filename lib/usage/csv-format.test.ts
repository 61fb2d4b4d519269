import { describe, expect, it } from "vitest";
import { logsToCsv } from "./csv-format";
import type { LogEntry } from "./logs";

function entry(i: number, over: Partial<LogEntry> = {}): LogEntry {
  return {
    id: `log${i}`,
    createdAt: new Date(Date.UTC(2026, 4, 10, 12, 0, i)),
    keyId: "key1",
    model: "gpt-5-mini",
    endpoint: "/chat/completions",
    source: "API",
    status: 200,
    errorCode: null,
    promptTokens: 10,
    completionTokens: 5,
    totalTokens: 15,
    cost: 1234n,
    quotaCost: 0n,
    latencyMs: 300,
    ttfbMs: 120,
    stream: true,
    upstreamRequestId: `up-${i}`,
    requestId: `req_${i}`,
    clientIp: "127.0.0.1",
    keyName: "main",
    keyDisplay: "sk-...abcd",
    keyRevoked: false,
    ...over,
  };
}

async function* pages(...p: LogEntry[][]) {
  for (const page of p) yield page;
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

describe("logsToCsv", () => {
  it("writes a header, every row across pages, and a totals row that sums them", async () => {
    const csv = await text(logsToCsv(pages([entry(1), entry(2)], [entry(3, { status: 429, errorCode: "rate_limit_exceeded", cost: 0n, promptTokens: 0, completionTokens: 0, totalTokens: 0 })])));
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^time_utc,request_id,key,key_id,model,endpoint/);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain("req_1");
    expect(lines[3]).toContain("rate_limit_exceeded");
    const header = lines[0]!.split(",");
    const totals = Object.fromEntries(lines[4]!.split(",").map((v, i) => [header[i], v]));
    expect(totals).toMatchObject({
      time_utc: "TOTAL",
      request_id: "3 requests",
      status: "1 errors",
      prompt_tokens: "20",
      completion_tokens: "10",
      total_tokens: "30",
      cost_usd: "0.002468",
    });
  });

  it("writes only the header and a zero totals row when nothing matches", async () => {
    const lines = (await text(logsToCsv(pages()))).trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^TOTAL,0 requests,/);
  });

  it("defuses key names that a spreadsheet would run as formulas", async () => {
    const csv = await text(logsToCsv(pages([entry(1, { keyName: "=HYPERLINK(\"x\")" })])));
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
