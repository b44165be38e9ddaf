/**
 * Node's HTTP request as a Web `Request` and a Web `Response` written back to Node: how the HTTP
 * front (server.ts's direct public API, the test server) hands requests to Payload's REST handler
 * (`handleEndpoints`), as Next's route does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { apiError, localeFrom, type TApiErrorCode } from "@beian/contract";

/** A body declared this small is read before the handler runs (see `toWebRequest`). */
const READ_AHEAD_BYTES = 64 * 1024;

/**
 * The request at `base` (its scheme and host). A body that declares a small length is read here:
 * handing it over as a stream costs more than the rest of a public lead (measured: 3.7 against
 * 2.6 ms of CPU). Any other body is streamed, for the handler to read bounded as it reads
 * (endpoints/body.ts), as it does behind Next.
 */
export async function toWebRequest(req: IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", base);
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared <= READ_AHEAD_BYTES) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new Request(url, { method, headers, body: Buffer.concat(chunks) });
  }
  // `duplex: "half"`: a streamed request body (Node's fetch requires it; DOM's RequestInit lacks it).
  const init = { method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" };
  return new Request(url, init as RequestInit);
}

/** Text worth compressing (JSON, HTML, CSS, JavaScript, SVG), as Next's compression judges it. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)|\+json/i;
/** Below this, gzip's own bytes eat what it saves. */
const COMPRESS_FROM_BYTES = 256;

/**
 * Writes `response` (status, headers, every Set-Cookie, body) to Node's `res`, plus `extra` headers
 * where the response has none of that name (its own win, as over Next's configured headers);
 * gzipped when the client accepts it, as Next compresses what it answers (the widget's
 * configuration, read on every page view of a partner's site, is 1 KB of JSON).
 */
export async function sendWebResponse(
  res: ServerResponse,
  response: Response,
  extra: Record<string, string> = {},
  acceptEncoding = "",
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(extra)) headers[key.toLowerCase()] = value;
  for (const [key, value] of response.headers) if (key !== "set-cookie") headers[key] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  let body = Buffer.from(await response.arrayBuffer());
  if (shouldCompress(response, body, acceptEncoding)) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
    headers["content-length"] = String(body.byteLength);
    headers.vary = [response.headers.get("vary"), "Accept-Encoding"].filter(Boolean).join(", ");
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

function shouldCompress(response: Response, body: Buffer, acceptEncoding: string): boolean {
  const { headers } = response;
  return (
    body.byteLength >= COMPRESS_FROM_BYTES &&
    acceptsGzip(acceptEncoding) &&
    !headers.has("content-encoding") &&
    COMPRESSIBLE.test(headers.get("content-type") ?? "") &&
    !/\bno-transform\b/i.test(headers.get("cache-control") ?? "")
  );
}

/** `Accept-Encoding` allows gzip: named with a weight above 0, or else allowed by `*`. */
export function acceptsGzip(acceptEncoding: string): boolean {
  const weights = new Map<string, number>();
  for (const entry of acceptEncoding.split(",")) {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)));
  }
  return (weights.get("gzip") ?? weights.get("*") ?? 0) > 0;
}

/** The contract's error `code` with `status`, in the caller's language, plus `extra` headers. */
export function sendApiError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: TApiErrorCode,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify(apiError(code, localeFrom(req.headers["accept-language"])));
  res.writeHead(status, {
    ...extra,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(body);
}
