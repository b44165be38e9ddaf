/**
 * HTTP plumbing of the public endpoints: bounded body reading, form decoding, the error shape of
 * CONTRACT §3 (localised, never a stack trace), and the client's IP.
 */
import {
  apiError,
  localeFrom,
  type TApiErrorCode,
  type TFieldErrors,
  type TLocale,
} from "@beian/contract";
import type { PayloadRequest } from "payload";

export const MAX_BODY_BYTES = 16 * 1024;
const MAX_JSON_DEPTH = 6;

export const STATUS: Record<TApiErrorCode, number> = {
  validation_failed: 400,
  origin_not_allowed: 403,
  unknown_partner: 404,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
};

export function localeOf(req: PayloadRequest): TLocale {
  return localeFrom(req.headers.get("accept-language"));
}

export function errorResponse(
  req: PayloadRequest,
  code: TApiErrorCode,
  headers: HeadersInit = {},
  fields?: TFieldErrors,
): Response {
  return Response.json(apiError(code, localeOf(req), fields), {
    status: STATUS[code],
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

export type TBody =
  | { ok: true; kind: "json" | "form"; data: unknown }
  | { ok: false; code: "payload_too_large" | "unsupported_media_type" | "validation_failed" };

/** Reads at most MAX_BODY_BYTES (whatever Content-Length claims) and decodes JSON or a form. */
export async function readBody(req: PayloadRequest): Promise<TBody> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  const kind =
    type === "application/json"
      ? "json"
      : type === "application/x-www-form-urlencoded"
        ? "form"
        : null;
  if (!kind) return { ok: false, code: "unsupported_media_type" };
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, code: "payload_too_large" };

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (req.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return { ok: false, code: "payload_too_large" };
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (kind === "form") return { ok: true, kind, data: decodeForm(text) };
  try {
    const data: unknown = JSON.parse(text);
    return depth(data) > MAX_JSON_DEPTH
      ? { ok: false, code: "validation_failed" }
      : { ok: true, kind, data };
  } catch {
    return { ok: false, code: "validation_failed" };
  }
}

function depth(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let deepest = 0;
  for (const item of Object.values(value)) deepest = Math.max(deepest, depth(item));
  return deepest + 1;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * `consent.privacy=true&source.utm.source=x` → nested objects, for the no-JavaScript form.
 * "true"/"false" become booleans where the payload has booleans; prototype keys are dropped.
 */
export function decodeForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, raw] of new URLSearchParams(text)) {
    const path = key.split(".").slice(0, MAX_JSON_DEPTH);
    if (path.some((part) => FORBIDDEN_KEYS.has(part) || part === "")) continue;
    let target = out;
    for (const part of path.slice(0, -1)) {
      const next = target[part];
      if (typeof next !== "object" || next === null) target[part] = Object.create(null);
      target = target[part] as Record<string, unknown>;
    }
    const last = path[path.length - 1] as string;
    const isFlag = path[0] === "consent";
    target[last] = isFlag ? raw === "true" || raw === "on" : raw;
  }
  return JSON.parse(JSON.stringify(out));
}

/**
 * The client's IP. The CMS's own server (cms/server.ts) overwrites X-Forwarded-For with the socket
 * address unless TRUST_PROXY is set, so the first entry is always the one to trust.
 */
export function clientIp(req: PayloadRequest): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
