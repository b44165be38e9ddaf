import type { IncomingMessage } from "node:http";

/**
 * The client address the public endpoints rate-limit on. Next.js only fills X-Forwarded-For when it
 * is absent, so a client could choose its own; unless a trusted proxy sits in front (TRUST_PROXY),
 * the header is replaced with the socket's address before the request reaches the app.
 */
export function normaliseForwardedFor(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy && req.headers["x-forwarded-for"]) return;
  req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
}
