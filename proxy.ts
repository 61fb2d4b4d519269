// Redirects signed-out visitors of console pages to /sign-in?callbackUrl=... (the pages check the
// session again on the server; this only saves a round trip).
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/dashboard/:path*", "/playground/:path*", "/keys/:path*", "/usage/:path*", "/logs/:path*", "/billing/:path*", "/admin/:path*", "/settings/:path*"],
};
