/**
 * Reading a request's body, bounded: at most MAX_BODY_BYTES whatever `Content-Length` claims,
 * JSON no deeper than MAX_JSON_DEPTH, or a plain HTML form decoded into the same nested shape.
 * Whatever cannot be read is a Refusal (413, 415, 400).
 */
import type { PayloadRequest } from "payload";
import { Refusal, type TErrorCode } from "./refusal.ts";

const MAX_BODY_BYTES = 16 * 1024;
const MAX_JSON_DEPTH = 6;

export type TBody = { kind: "json" | "form"; data: unknown };

export function mediaType(req: PayloadRequest): string {
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

/** JSON or a url-encoded form, decoded. */
export async function readBody(req: PayloadRequest): Promise<TBody> {
  const type = mediaType(req);
  const kind =
    type === "application/json"
      ? "json"
      : type === "application/x-www-form-urlencoded"
        ? "form"
        : null;
  if (!kind) throw new Refusal("unsupported_media_type");
  const text = await readText(req);
  if (kind === "form") return { kind, data: decodeForm(text) };
  return { kind, data: parseJson(text) };
}

async function readText(req: PayloadRequest): Promise<string> {
  const bytes = await readBytes(req, MAX_BODY_BYTES, "payload_too_large");
  return new TextDecoder().decode(bytes);
}

/**
 * The whole body, at most `limit` bytes whatever `Content-Length` claims: refused with `tooLarge`
 * as soon as it says or sends more (the rest is not read).
 */
export async function readBytes(
  req: PayloadRequest,
  limit: number,
  tooLarge: TErrorCode,
): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw new Refusal(tooLarge);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (req.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new Refusal(tooLarge);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Refusal("validation_failed");
  }
  if (depth(data) > MAX_JSON_DEPTH) throw new Refusal("validation_failed");
  return data;
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
