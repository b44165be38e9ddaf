/**
 * What every customer-center endpoint (CONTRACT §7) shares: its place under
 * /api/public/customer/, CORS with credentials for the site's own origin only (no other origin
 * gets any), and the CSRF rules of a state-changing request — from the site or the CMS itself when
 * the browser names its origin, and JSON (a cross-site form cannot send it without a preflight,
 * which other origins fail) unless it is an upload. With the `SameSite=Lax` cookie, which no
 * cross-site POST carries, that makes them CSRF-safe.
 */
import type { Endpoint, PayloadRequest } from "payload";
import { answer, type TEndpointHandler } from "../endpoints/answer.ts";
import { readBody } from "../endpoints/body.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";

export const NO_STORE = { "Cache-Control": "no-store" };

export type TCustomerHttp = {
  /** An endpoint at /api/public/customer/{path} answering with the customer CORS headers. */
  route: (path: string, method: Endpoint["method"], handle: TEndpointHandler) => Endpoint;
  /** The CORS preflights of these paths. */
  preflights: (paths: string[]) => Endpoint[];
  /** The origins a state-changing request may come from: the site and the CMS. */
  trusted: Set<string>;
  /** Whether cookies are `Secure` (the CMS is served over https). */
  secure: boolean;
};

export function customerHttp(env: TEnv): TCustomerHttp {
  const siteOrigin = new URL(env.SITE_URL).origin;
  const route = (path: string, method: Endpoint["method"], handle: TEndpointHandler): Endpoint => ({
    path: `/public/customer/${path}`,
    method,
    handler: answer(
      {
        name: `customer ${method} ${path}`,
        headers: async (req) => customerCors(req, siteOrigin),
        alwaysJson: true,
      },
      handle,
    ),
  });
  const preflights = (paths: string[]) =>
    paths.map(
      (path): Endpoint => ({
        path: `/public/customer/${path}`,
        method: "options",
        handler: answer({ name: "customer preflight" }, async (req) => preflight(req, siteOrigin)),
      }),
    );
  return {
    route,
    preflights,
    trusted: new Set([siteOrigin, new URL(env.CMS_URL).origin]),
    secure: new URL(env.CMS_URL).protocol === "https:",
  };
}

export function requireTrustedOrigin(req: PayloadRequest, trusted: Set<string>): void {
  const origin = req.headers.get("origin");
  if (origin !== null && !trusted.has(origin)) throw new Refusal("origin_not_allowed");
}

/** The body of a state-changing request: JSON only, from the site (or the CMS itself). */
export async function readJsonFromSite(
  req: PayloadRequest,
  trusted: Set<string>,
): Promise<unknown> {
  requireTrustedOrigin(req, trusted);
  const { kind, data } = await readBody(req);
  if (kind !== "json") throw new Refusal("unsupported_media_type");
  return data;
}

/** CORS with credentials for the site's own origin; no other origin gets any. */
async function customerCors(
  req: PayloadRequest,
  siteOrigin: string,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { Vary: "Origin" };
  if (req.headers.get("origin") === siteOrigin) {
    headers["Access-Control-Allow-Origin"] = siteOrigin;
    headers["Access-Control-Allow-Credentials"] = "true";
    headers["Access-Control-Expose-Headers"] = "Retry-After";
  }
  return headers;
}

async function preflight(req: PayloadRequest, siteOrigin: string): Promise<Response> {
  const headers = await customerCors(req, siteOrigin);
  if (headers["Access-Control-Allow-Origin"]) {
    headers["Access-Control-Allow-Methods"] = "GET, POST, DELETE, OPTIONS";
    headers["Access-Control-Allow-Headers"] = "Content-Type, Accept-Language";
    headers["Access-Control-Max-Age"] = "600";
  }
  return new Response(null, { status: 204, headers });
}
