// Where to go after sign-in. The target comes from the query string, so it is attacker-controlled:
// only a path on this console is accepted, never another origin (no open redirect).

export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * Returns a same-origin relative path ("/usage?range=7d"), or the fallback. Auth.js hands over an
 * absolute callbackUrl (`http://host/usage`); only its path is kept, so a foreign host is ignored
 * rather than followed.
 */
export function safeCallbackPath(raw: string | string[] | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > 2048) return fallback;
  // Backslashes and control characters are how "/\evil.com" and "/%09/evil.com" tricks get in.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://console.invalid");
  } catch {
    return fallback;
  }
  const isRelative = value.startsWith("/") && !value.startsWith("//");
  if (!isRelative && !/^https?:\/\//i.test(value)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  if (AUTH_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return fallback;
  if (url.pathname.startsWith("/api/")) return fallback;
  return path;
}
