/**
 * Request bodies, bounded at the HTTP front (server.ts and the test server) before Next.js or
 * Payload reads them: Payload parses a JSON body whole, however large, before any access rule runs
 * (an 8 MB login was parsed). Each API route has its limit (LIMITS). A declared `Content-Length`
 * over it is refused at once; a chunked body is held back until it ends (it is at most the limit)
 * and refused as soon as it passes the limit, so the app sees a whole body or none. The refusal is
 * the contract's 413 `payload_too_large`, and the connection closes with it instead of reading the
 * rest of the body.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { sendApiError } from "./webExchange.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Logins and password resets: small JSON, as the public API's (endpoints/body.ts). */
const SMALL_BODY_BYTES = 16 * KiB;

/** The largest file an editor may upload (Payload's `upload.limits.fileSize`, config.ts). */
export const MAX_UPLOAD_BYTES = 10 * MiB;

/** The first rule whose path matches is the route's; `undefined` bytes: not limited here. */
const LIMITS: { path: RegExp; bytes: number | undefined }[] = [
  // The public endpoints bound their bodies as they read them (endpoints/body.ts, 16 KiB), and
  // customers' documents are uploaded there.
  { path: /^\/api\/public\//, bytes: undefined },
  // Logins, password resets and the accounts themselves.
  { path: /^\/api\/users(\/|$)/, bytes: SMALL_BODY_BYTES },
  // An image and its fields, as a multipart form.
  { path: /^\/api\/media(\/|$)/, bytes: MAX_UPLOAD_BYTES + MiB },
  // Every other document staff save, long rich text included.
  { path: /^\/api\//, bytes: 2 * MiB },
];

/** The most bytes a body to `url` may hold, or `undefined` when this front does not limit it. */
export function bodyLimitOf(url: string): number | undefined {
  // As the app will route it: `/api/public/../users/login` is a login. Node passes on a target no
  // URL parser reads (`http://[`); where it would go is unknown, so it gets the strictest limit.
  const pathname = URL.parse(url, "http://cms")?.pathname;
  if (pathname === undefined) return SMALL_BODY_BYTES;
  return LIMITS.find((rule) => rule.path.test(pathname))?.bytes;
}

type THandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A declared `Content-Length` over the route's limit. */
function declaredTooLarge(req: IncomingMessage, limit: number | undefined): boolean {
  const declared = req.headers["content-length"];
  return limit !== undefined && declared !== undefined && Number(declared) > limit;
}

/** `handle`, given only bodies within their route's limit. */
export function limitRequestBodies(handle: THandler): THandler {
  return (req, res) => {
    const limit = bodyLimitOf(req.url ?? "/");
    if (declaredTooLarge(req, limit)) return refuse(req, res);
    // Node's parser delivers no more than a declared length (and refuses a request that both
    // declares one and is chunked).
    if (limit === undefined || req.headers["content-length"] !== undefined) return handle(req, res);
    if (req.headers["transfer-encoding"] === undefined) return handle(req, res);
    return holdChunkedBody(req, limit, {
      whole: () => handle(req, res),
      tooLarge: () => refuse(req, res),
    });
  };
}

/**
 * A client that asks before sending its body (`Expect: 100-continue`, as curl does for a large
 * one) is refused before it sends one over the limit; otherwise it is told to go on and the
 * request goes its usual way. Node would tell every such client to go on, and the refusal would
 * then meet a client busy sending.
 */
export function refuseBeforeContinue(server: Server): void {
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (declaredTooLarge(req, bodyLimitOf(req.url ?? "/"))) return refuse(req, res);
    res.writeContinue();
    server.emit("request", req, res);
  });
}

/**
 * Holds a chunked body back from the app until it ends, and gives up on it once it passes
 * `limit`. Node's HTTP parser hands each piece of a body to the request's `push`, which is
 * intercepted here until then; after a refusal Node discards the rest unread.
 */
function holdChunkedBody(
  req: IncomingMessage,
  limit: number,
  then: { whole: () => void; tooLarge: () => void },
): void {
  const push = req.push.bind(req);
  const held: Buffer[] = [];
  let size = 0;
  req.push = (chunk: Buffer | null) => {
    if (chunk === null) {
      req.push = push;
      for (const piece of held) push(piece);
      push(null);
      then.whole();
      return false;
    }
    size += chunk.byteLength;
    if (size > limit) {
      req.push = push;
      then.tooLarge();
      return false;
    }
    held.push(chunk);
    return true;
  };
}

/** The contract's 413, in the caller's language; the connection ends with it. */
function refuse(req: IncomingMessage, res: ServerResponse): void {
  sendApiError(req, res, 413, "payload_too_large", { Connection: "close" });
}
