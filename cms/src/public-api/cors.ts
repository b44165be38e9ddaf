/**
 * Which origins may call the public endpoints: the site itself and every active partner's allowed
 * origins, read from the CMS (cached briefly, and dropped whenever a partner changes, so a partner
 * added in the admin works without a restart).
 */
import type { Payload, PayloadHandler, PayloadRequest } from "payload";
import { answer, type TEndpointHandler } from "../endpoints/answer.ts";
import type { TEnv } from "../env.ts";
import type { Partner } from "../payload-types.ts";

export type TPartnerAccess = {
  id: Partner["id"];
  key: string;
  name: string;
  themeColor: string;
  origins: string[];
};
type TCache = { at: number; partners: Map<string, TPartnerAccess> };

const TTL_MS = 30_000;
const caches = new WeakMap<Payload, TCache>();

export function forgetPartners(payload: Payload): void {
  caches.delete(payload);
}

export async function activePartners(payload: Payload): Promise<Map<string, TPartnerAccess>> {
  const cached = caches.get(payload);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.partners;
  const { docs } = await payload.find({
    collection: "partners",
    where: { active: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  const partners = new Map(
    docs.map((doc) => [
      doc.key,
      {
        id: doc.id,
        key: doc.key,
        name: doc.name,
        themeColor: doc.themeColor ?? "#1f5fbf",
        origins: (doc.allowedOrigins ?? []).map((entry) => entry.origin),
      },
    ]),
  );
  caches.set(payload, { at: Date.now(), partners });
  return partners;
}

export async function isAllowedOrigin(
  req: PayloadRequest,
  siteOrigin: string,
  origin: string,
  partnerKey?: string,
): Promise<boolean> {
  if (origin === siteOrigin) return true;
  const partners = await activePartners(req.payload);
  if (partnerKey !== undefined) return partners.get(partnerKey)?.origins.includes(origin) ?? false;
  for (const partner of partners.values()) if (partner.origins.includes(origin)) return true;
  return false;
}

/** CORS headers for a response: only an allowed origin is ever echoed back. */
export async function corsHeaders(
  req: PayloadRequest,
  siteOrigin: string,
): Promise<Record<string, string>> {
  const origin = req.headers.get("origin");
  const headers: Record<string, string> = { Vary: "Origin" };
  if (origin && (await isAllowedOrigin(req, siteOrigin, origin))) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Expose-Headers"] = "Retry-After, Idempotency-Replayed";
  }
  return headers;
}

export async function preflight(req: PayloadRequest, siteOrigin: string): Promise<Response> {
  const headers = await corsHeaders(req, siteOrigin);
  if (headers["Access-Control-Allow-Origin"]) {
    headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS";
    headers["Access-Control-Allow-Headers"] = "Content-Type, Accept-Language, Idempotency-Key";
    headers["Access-Control-Max-Age"] = "600";
  }
  return new Response(null, { status: 204, headers });
}

/**
 * A public endpoint's handler inside the one error wrapper, every answer (errors included) with
 * the CORS headers of the caller's origin.
 */
export function answerWithCors(env: TEnv, name: string, handle: TEndpointHandler): PayloadHandler {
  const siteOrigin = new URL(env.SITE_URL).origin;
  return answer(
    { name, home: env.SITE_URL, headers: (req) => corsHeaders(req, siteOrigin) },
    handle,
  );
}
