// CSV export of request logs: one record per row, then a totals record. Takes the rows as an async
// iterable of pages so the stream holds one page at a time, whatever the export's size.
import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { microsToUsd } from "@/lib/money";
import type { LogEntry } from "./logs";

export const CSV_COLUMNS = [
  "time_utc",
  "request_id",
  "key",
  "key_id",
  "model",
  "endpoint",
  "source",
  "status",
  "error_code",
  "prompt_tokens",
  "completion_tokens",
  "total_tokens",
  "cost_usd",
  "latency_ms",
  "ttfb_ms",
  "stream",
  "upstream_request_id",
  "client_ip",
] as const;

export type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number>;

export interface CsvTotals {
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cost: bigint;
}

/** Micro-USD as an exact decimal string: spreadsheets sum these without float noise. */
const usd = (micros: bigint) => microsToUsd(micros).toFixed(6);

export function csvRecord(e: LogEntry): CsvRecord {
  return {
    time_utc: e.createdAt.toISOString(),
    request_id: e.requestId,
    key: e.keyName,
    key_id: e.keyId,
    model: e.model,
    endpoint: e.endpoint,
    source: e.source,
    status: e.status,
    error_code: e.errorCode ?? "",
    prompt_tokens: e.promptTokens,
    completion_tokens: e.completionTokens,
    total_tokens: e.totalTokens,
    cost_usd: usd(e.cost),
    latency_ms: e.latencyMs,
    ttfb_ms: e.ttfbMs ?? "",
    stream: e.stream ? "true" : "false",
    upstream_request_id: e.upstreamRequestId ?? "",
    client_ip: e.clientIp ?? "",
  };
}

export function emptyCsvTotals(): CsvTotals {
  return { requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, cost: 0n };
}

export function addToCsvTotals(t: CsvTotals, e: LogEntry): void {
  t.requests++;
  if (e.status >= 400 || e.errorCode) t.errors++;
  t.promptTokens += e.promptTokens;
  t.completionTokens += e.completionTokens;
  t.totalTokens += e.totalTokens;
  t.cost += e.cost;
}

/** The last record: "TOTAL" in the time column, counts where a row has its id and status. */
export function totalsRecord(t: CsvTotals): CsvRecord {
  const record = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as CsvRecord;
  return {
    ...record,
    time_utc: "TOTAL",
    request_id: `${t.requests} requests`,
    status: `${t.errors} errors`,
    prompt_tokens: t.promptTokens,
    completion_tokens: t.completionTokens,
    total_tokens: t.totalTokens,
    cost_usd: usd(t.cost),
  };
}

/** A byte stream of CSV text; an error while reading pages ends the stream with that error. */
export function logsToCsv(pages: AsyncIterable<readonly LogEntry[]>): Readable {
  async function* records() {
    const totals = emptyCsvTotals();
    for await (const page of pages) {
      for (const e of page) {
        addToCsvTotals(totals, e);
        yield csvRecord(e);
      }
    }
    yield totalsRecord(totals);
  }
  // escape_formulas: key names are user text, and a cell starting with "=" would run in a spreadsheet.
  const csv = stringify({ header: true, columns: [...CSV_COLUMNS], escape_formulas: true });
  pipeline(Readable.from(records()), csv, () => {
    // pipeline destroys `csv` with the error; the reader sees it, nothing else to do here.
  });
  return csv;
}
