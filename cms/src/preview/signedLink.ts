/**
 * Short-lived signed preview links: `<buildId>.<expiresAt>.<signature>` (expiresAt in Unix
 * seconds; signature an HMAC-SHA256 of the first two parts, base64url). A link works without a
 * login until it expires, so a marketer can show a draft to a colleague's phone; it names one
 * preview build only, and changing any character of it makes it worthless.
 *
 * The key is derived from PAYLOAD_SECRET (the secret the CMS already keeps private, parsed once
 * in env.ts) for this one purpose, so a preview link can never pass for a session token.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a preview link works: long enough to look and show, short enough to not leak drafts. */
export const PREVIEW_LINK_TTL_S = 60 * 60;

const BUILD_ID = /^[a-z0-9-]{1,64}$/;

export function previewLinkKey(payloadSecret: string): Buffer {
  return createHmac("sha256", payloadSecret).update("beian: site preview links").digest();
}

const signature = (key: Buffer, payload: string) =>
  createHmac("sha256", key).update(payload).digest("base64url");

export function signPreviewToken(key: Buffer, buildId: string, expiresAtS: number): string {
  if (!BUILD_ID.test(buildId)) throw new Error(`not a preview build id: ${buildId}`);
  const payload = `${buildId}.${expiresAtS}`;
  return `${payload}.${signature(key, payload)}`;
}

export type TVerifiedToken =
  | { ok: true; buildId: string; expiresAtS: number }
  | { ok: false; why: "malformed" | "tampered" | "expired" };

export function verifyPreviewToken(key: Buffer, token: string, nowMs: number): TVerifiedToken {
  const [buildId, expires, given, ...rest] = token.split(".");
  if (!buildId || !expires || !given || rest.length > 0 || !BUILD_ID.test(buildId)) {
    return { ok: false, why: "malformed" };
  }
  if (!/^\d{1,12}$/.test(expires)) return { ok: false, why: "malformed" };
  const expected = Buffer.from(signature(key, `${buildId}.${expires}`));
  const received = Buffer.from(given);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, why: "tampered" };
  }
  const expiresAtS = Number(expires);
  if (expiresAtS * 1000 <= nowMs) return { ok: false, why: "expired" };
  return { ok: true, buildId, expiresAtS };
}
