// Keyset paging cursors: (createdAt, id) of the last row shown, opaque to clients. Paging by key
// rather than OFFSET keeps page N as cheap as page 1 on a table with millions of rows.
import { ApiError } from "@/lib/errors";

export interface Cursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.createdAt.getTime()}.${row.id}`).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(text, "base64url").toString());
  if (!m) throw new ApiError("invalid_parameter", "Invalid cursor. Reload the list from its first page.", { param: "cursor" });
  return { createdAt: new Date(Number(m[1])), id: m[2]! };
}

/**
 * Rows strictly after `c` in (createdAt desc, id desc) order. The `lte` bound is redundant with the
 * OR but keeps the condition a range on the (…, createdAt) index instead of a scan.
 */
export function afterCursor(c: Cursor) {
  return { createdAt: { lte: c.createdAt }, OR: [{ createdAt: { lt: c.createdAt } }, { id: { lt: c.id } }] };
}
