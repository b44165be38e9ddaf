/**
 * HTTP plumbing of the public endpoints: bounded body reading, form decoding, the error shape of
 * CONTRACT §3 (localised, never a stack trace), and the client's IP.
 */
import {
  apiError,
  escapeHtml,
  localeFrom,
  message,
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

/**
 * The error answer of CONTRACT §3: the JSON error shape, or — to a plain HTML form's post, whose
 * browser shows the answer as a page — the HTML page listing the errors, with the same status and
 * headers (Retry-After included). `home` is the site's address, linked from the page.
 */
export function errorResponse(
  req: PayloadRequest,
  code: TApiErrorCode,
  headers: HeadersInit = {},
  fields?: TFieldErrors,
  home?: string,
): Response {
  const locale = localeOf(req);
  if (isFormPost(req)) return errorPage(locale, code, headers, fields, home);
  return Response.json(apiError(code, locale, fields), {
    status: STATUS[code],
    headers: { "Cache-Control": "no-store", ...headers },
  });
}

function mediaType(req: PayloadRequest): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Posted by an HTML form (no JavaScript): url-encoded, the form default, or multipart (a form with
 * `enctype="multipart/form-data"`, which is answered 415 — as a page the visitor can read).
 */
export function isFormPost(req: PayloadRequest): boolean {
  const type = mediaType(req);
  return type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
}

/** The no-JavaScript form's error page: what was wrong, in the visitor's language, and a way back. */
export function errorPage(
  locale: TLocale,
  code: TApiErrorCode,
  headers: HeadersInit = {},
  fields?: TFieldErrors,
  home?: string,
): Response {
  const en = locale === "en";
  const title =
    code === "validation_failed"
      ? en
        ? "Please check your details"
        : "请检查填写的信息"
      : en
        ? "Your submission was not sent"
        : "提交未成功";
  const listed = fields && Object.keys(fields).length > 0;
  const items = listed
    ? Object.entries(fields)
        .map(
          ([field, text]) => `<li><strong>${escapeHtml(field)}</strong>: ${escapeHtml(text)}</li>`,
        )
        .join("")
    : `<li>${escapeHtml(message(code, locale))}</li>`;
  const back = `<a href="javascript:history.back()">${en ? "Go back and correct" : "返回修改"}</a>`;
  const homeLink = home ? ` · <a href="${escapeHtml(home)}">${en ? "Home" : "返回首页"}</a>` : "";
  const html = `<!doctype html><html lang="${en ? "en" : "zh-CN"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7"><h1>${title}</h1><ul>${items}</ul><p>${back}${homeLink}</p></body></html>`;
  const merged = new Headers(headers);
  merged.set("Content-Type", "text/html; charset=utf-8");
  merged.set("Cache-Control", "no-store");
  return new Response(html, { status: STATUS[code], headers: merged });
}

export type TBody =
  | { ok: true; kind: "json" | "form"; data: unknown }
  | { ok: false; code: "payload_too_large" | "unsupported_media_type" | "validation_failed" };

/** Reads at most MAX_BODY_BYTES (whatever Content-Length claims) and decodes JSON or a form. */
export async function readBody(req: PayloadRequest): Promise<TBody> {
  const type = mediaType(req);
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
