// Sends visitors without a session cookie from console pages to /sign-in?callbackUrl=..., and
// tells the console layout which page was asked for (x-pathname) so its own, authoritative
// session check can return there too. It only looks for the cookie: decoding the session here
// would re-issue it on every request, and a prefetch racing a sign-out would bring it back.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/dashboard/:path*", "/playground/:path*", "/keys/:path*", "/usage/:path*", "/logs/:path*", "/billing/:path*", "/admin/:path*", "/settings/:path*"],
};
