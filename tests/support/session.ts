// Signs in through the real Auth.js credentials flow over HTTP and returns a fetch that carries the
// session cookie, for testing session-authenticated route handlers.
export type JsonInit = Omit<RequestInit, "body"> & { body?: unknown };

export interface SessionClient {
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  json: <T = unknown>(path: string, init?: JsonInit) => Promise<{ status: number; body: T }>;
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<SessionClient> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrfRes, jar);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard` }),
  });
  cookiesFrom(res, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  const authed = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
  return {
    fetch: authed,
    async json<T>(path: string, init: JsonInit = {}) {
      const body = init.body === undefined || typeof init.body === "string" ? (init.body as string | undefined) : JSON.stringify(init.body);
      const res = await authed(path, { ...init, body, headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) } });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}
