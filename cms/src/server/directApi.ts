/**
 * The public API answered by the HTTP front directly, not through Next.js.
 *
 * Why: Next's routing of a request to Payload's REST handler costs about 1.5 ms of this process's
 * one thread per request (bench/README.md, the write path) — more than half of what a whole public lead
 * costs. The public endpoints are JSON in, JSON out: nothing of Next (pages, rendering, caching)
 * serves them.
 *
 * How, with one Payload: the instance is the one Next's bundle creates (with its own copy of
 * Payload and of this project's code, its hooks and in-memory state); this process must not make a
 * second. So when that instance starts, its `onInit` (config.ts → `offerDirectApi`) hands the
 * bundle's own REST handler to the front through the slot below, which the front opened before
 * Next started (`openDirectApi`). Until then — and wherever no front opened the slot (tests, the
 * Local API, `next dev`) — every request goes through Next as before. `pnpm start` waits for
 * `/api/health`, which starts Payload, so the direct path is in place before anyone is served.
 *
 * This module imports nothing of Payload or Next: server.ts loads it outside Next's bundle, the
 * config inside it, and the two copies meet only at the global symbol.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "./securityHeaders.ts";
import { sendApiError, sendWebResponse, toWebRequest } from "./webExchange.ts";

export type TWebHandler = (request: Request) => Promise<Response>;

type TSlot = { handler: TWebHandler | undefined };

const SLOT = Symbol.for("beian.cms.directApi");

/** The slot the front reads; opened once per process. */
export function openDirectApi(): TSlot {
  const scope = globalThis as { [SLOT]?: TSlot };
  scope[SLOT] ??= { handler: undefined };
  return scope[SLOT];
}

/** Hands `handler` to the front, when a front opened the slot; false otherwise. */
export function handToFront(handler: TWebHandler): boolean {
  const slot = (globalThis as { [SLOT]?: TSlot })[SLOT];
  if (!slot) return false;
  slot.handler = handler;
  return true;
}

/**
 * `/api/public/…`, as Payload routes it (a `..` that leaves it does not count). Not HEAD: Next
 * answers it from the GET handler, Payload's own handler has none.
 */
export function isPublicApiRequest(req: IncomingMessage): boolean {
  if (req.method === "HEAD") return false;
  const pathname = URL.parse(req.url ?? "/", "http://cms")?.pathname;
  return pathname?.startsWith("/api/public/") === true;
}

/**
 * `req` answered by `handler` (Payload's REST handler) as if at `origin`, with the headers Next adds.
 * The handler answers its own errors; should it throw, the client still gets the contract's 500.
 */
export async function answerDirectly(
  req: IncomingMessage,
  res: ServerResponse,
  handler: TWebHandler,
  origin: string,
): Promise<void> {
  try {
    const response = await handler(await toWebRequest(req, origin));
    await sendWebResponse(res, response, SECURITY_HEADERS, req.headers["accept-encoding"]);
  } catch {
    if (res.headersSent) return void res.destroy();
    sendApiError(req, res, 500, "internal_error", SECURITY_HEADERS);
  }
}
