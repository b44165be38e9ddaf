import type { PayloadRequest } from "payload";

/**
 * The client's IP: the rightmost X-Forwarded-For entry, the one the nearest proxy appended (a
 * client can put anything in the entries before it). Without TRUST_PROXY the CMS's own server
 * (cms/server.ts) replaces the header with the socket address, so it holds that one entry only.
 */
export function clientIp(req: PayloadRequest): string {
  const entries = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "unknown";
}
