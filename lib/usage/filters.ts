// Query-string filters shared by the usage, logs and CSV endpoints (and read back by the pages from
// the URL). Plain module: the schemas are the one definition of what a filter may be.
import { z } from "zod";
import { isValidTimeZone, rangeNames } from "./time";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

export const usageQuerySchema = z.object({
  range: z.enum(rangeNames).default("7d"),
  from: optionalText(10),
  to: optionalText(10),
  tz: z
    .string()
    .trim()
    .max(64)
    .default("UTC")
    .refine(isValidTimeZone, "Unknown time zone. Use an IANA name such as Europe/Paris."),
  keyId: optionalText(64),
  model: optionalText(200),
  endpoint: optionalText(100),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export const logStatuses = ["all", "ok", "error"] as const;
export type LogStatus = (typeof logStatuses)[number];

export const logsFilterSchema = usageQuerySchema.extend({
  range: z.enum(rangeNames).default("30d"),
  status: z.enum(logStatuses).default("all"),
});
export type LogsFilter = z.infer<typeof logsFilterSchema>;

export const logsQuerySchema = logsFilterSchema.extend({
  cursor: optionalText(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LogsQuery = z.infer<typeof logsQuerySchema>;

/** The query string as a plain object; empty values are left out so defaults apply. */
export function queryObject(url: string | URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) if (v !== "") out[k] = v;
  return out;
}
