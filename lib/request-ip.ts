// The custom server stamps the socket's address into x-real-ip (overwriting anything a client
// sent), so this header is trustworthy for requests that came through server.ts.
export const CLIENT_IP_HEADER = "x-real-ip";

export function clientIpFrom(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
