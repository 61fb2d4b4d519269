// GET /api/logs/export.csv - every request the filter selects, as a streamed CSV with a totals row
import { requireUser } from "@/lib/auth/session";
import { route } from "@/lib/http/route";
import { streamLogsCsv } from "@/lib/usage/csv";
import { logsFilterSchema, queryObject } from "@/lib/usage/filters";
import { resolveRange } from "@/lib/usage/time";
import { parseInput } from "@/lib/errors";

export const GET = route(async (request) => {
  const user = await requireUser();
  const filter = parseInput(logsFilterSchema, queryObject(request.url));
  const range = resolveRange(filter);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const filename = `apertis-logs-${day(range.from)}-to-${day(new Date(range.to.getTime() - 1))}.csv`;
  return new Response(streamLogsCsv(user.id, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
});
