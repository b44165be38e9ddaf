import { isIPv6 } from "node:net";
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

/**
 * What the per-client rate limit counts. An IPv6 client is given a whole /64 (one household, one
 * server) and can rotate through its 2^64 addresses at will, so its /64 is the client; an IPv4
 * address (also one written IPv4-mapped, `::ffff:192.0.2.1`) is counted as itself.
 */
export function rateLimitKey(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  return `${ipv6Groups(ip).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, without leading zeros. */
function ipv6Groups(ip: string): string[] {
  const [head = "", tail] = ip.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => group.replace(/^0+(?=.)/, ""));
}
