/**
 * The customer center's API (CONTRACT §7) under /api/public/customer/*: a code by SMS, a session
 * for phone and code, the customer's orders, their choice of emails, and signing out. Only the site's own origin gets CORS
 * (with credentials); a state-changing request must be JSON (a cross-site form cannot send it
 * without a preflight, which other origins fail) and, when the browser names its origin, come from
 * the site or the CMS itself. Together with the `SameSite=Lax` cookie that makes them CSRF-safe.
 */
import {
  type TCustomerOrder,
  type TCustomerOrders,
  type TCustomerSession,
  validateCustomerCodeRequest,
  validateCustomerPreferences,
  validateCustomerSessionRequest,
} from "@beian/contract";
import type { Endpoint, PayloadRequest } from "payload";
import { inRequestTransaction } from "../db/transaction.ts";
import { answer, type TEndpointHandler } from "../endpoints/answer.ts";
import { readBody } from "../endpoints/body.ts";
import { localeOf, Refusal, requireValid } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import type { Order } from "../payload-types.ts";
import { clientIp, rateLimitKey } from "../public-api/clientIp.ts";
import { lookupAnswerOf } from "../public-api/orders.ts";
import { charge, limitersFor, rateLimited } from "../public-api/rateLimit.ts";
import { queueLoginCode } from "../sms/outbox.ts";
import { chargeCodeSend, checkCode, issueCode } from "./codes.ts";
import {
  endedSessionCookie,
  endSession,
  openSession,
  sessionCookie,
  sessionCustomer,
} from "./sessions.ts";

const NO_STORE = { "Cache-Control": "no-store" };

export function customerEndpoints(env: TEnv): Endpoint[] {
  const siteOrigin = new URL(env.SITE_URL).origin;
  const secure = new URL(env.CMS_URL).protocol === "https:";
  const trusted = new Set([siteOrigin, new URL(env.CMS_URL).origin]);
  const handler = (name: string, handle: TEndpointHandler) =>
    answer({ name, headers: async (req) => customerCors(req, siteOrigin) }, handle);
  const route = (path: string, method: Endpoint["method"], handle: TEndpointHandler): Endpoint => ({
    path: `/public/customer/${path}`,
    method,
    handler: handler(`customer ${method} ${path}`, handle),
  });

  return [
    route("code", "post", async (req, headers) => {
      const data = await readJsonFromSite(req, trusted);
      await charge(limitersFor(req.payload, env).ip, rateLimitKey(clientIp(req)));
      const { phone } = requireValid(validateCustomerCodeRequest(data, localeOf(req)));
      const allowed = await chargeCodeSend(req, env, phone);
      if (!allowed.ok) throw rateLimited(allowed);
      await sendCodeToCustomer(req, env, phone);
      return Response.json({}, { status: 202, headers: { ...headers, ...NO_STORE } });
    }),
    route("session", "post", async (req, headers) => {
      const data = await readJsonFromSite(req, trusted);
      await charge(limitersFor(req.payload, env).ip, rateLimitKey(clientIp(req)));
      const { phone, code } = requireValid(validateCustomerSessionRequest(data, localeOf(req)));
      const token = await inRequestTransaction(req, async () => {
        const check = await checkCode(req, env, phone, code);
        if (check.outcome === "void")
          throw rateLimited({ ok: false, retryAfterS: check.retryAfterS });
        if (check.outcome === "wrong") throw new Refusal("code_invalid");
        return (await openSession(req, phone)).token;
      });
      const body: TCustomerSession = { customer: { phone } };
      return Response.json(body, {
        headers: { ...headers, ...NO_STORE, "Set-Cookie": sessionCookie(token, secure) },
      });
    }),
    route("session", "delete", async (req, headers) => {
      requireTrustedOrigin(req, trusted);
      await endSession(req);
      return new Response(null, {
        status: 204,
        headers: { ...headers, ...NO_STORE, "Set-Cookie": endedSessionCookie(secure) },
      });
    }),
    route("orders", "get", async (req, headers) => {
      const customer = await sessionCustomer(req);
      if (!customer) throw new Refusal("signed_out");
      const orders = await ordersOf(req, customer.phone);
      const body: TCustomerOrders = {
        customer: {
          phone: customer.phone,
          notifyByEmail: orders.every((order) => order.notifyByEmail !== false),
        },
        orders: await Promise.all(orders.map((order) => customerOrder(req, order))),
      };
      return Response.json(body, { headers: { ...headers, ...NO_STORE } });
    }),
    route("preferences", "post", async (req, headers) => {
      const data = await readJsonFromSite(req, trusted);
      const customer = await sessionCustomer(req);
      if (!customer) throw new Refusal("signed_out");
      const { notifyByEmail } = requireValid(validateCustomerPreferences(data, localeOf(req)));
      await inRequestTransaction(req, () =>
        setEmailNotifications(req, customer.phone, notifyByEmail),
      );
      return Response.json({ notifyByEmail }, { headers: { ...headers, ...NO_STORE } });
    }),
    ...["code", "session", "orders", "preferences"].map(
      (path): Endpoint => ({
        path: `/public/customer/${path}`,
        method: "options",
        handler: answer({ name: "customer preflight" }, async (req) => preflight(req, siteOrigin)),
      }),
    ),
  ];
}

/**
 * A code is made and counted for every valid phone, so the answer and its timing are the same
 * whether or not the phone has orders; only a phone with an order or an account is sent it (no
 * texts to numbers that never dealt with us).
 */
async function sendCodeToCustomer(req: PayloadRequest, env: TEnv, phone: string): Promise<void> {
  await inRequestTransaction(req, async () => {
    const code = await issueCode(req, env, phone);
    // By SMS through the outbox, in this transaction: the code and its message exist together.
    if (await isKnownPhone(req, phone)) await queueLoginCode(req, phone, code);
  });
}

async function isKnownPhone(req: PayloadRequest, phone: string): Promise<boolean> {
  const where = { "contact.phone": { equals: phone } };
  const [orders, customers] = await Promise.all([
    req.payload.count({ collection: "orders", where, overrideAccess: true, req }),
    req.payload.count({
      collection: "customers",
      where: { phone: { equals: phone } },
      overrideAccess: true,
      req,
    }),
  ]);
  return orders.totalDocs + customers.totalDocs > 0;
}

/** The customer's orders, newest first. */
async function ordersOf(req: PayloadRequest, phone: string): Promise<Order[]> {
  const { docs } = await req.payload.find({
    collection: "orders",
    where: { "contact.phone": { equals: phone } },
    sort: "-createdAt",
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs;
}

/** An order as the lookup answers it, with its checklist's state. */
async function customerOrder(req: PayloadRequest, order: Order): Promise<TCustomerOrder> {
  return { ...(await lookupAnswerOf(req, order)), materials: materialsOf(order) };
}

/**
 * Emails beside the texts, on or off for every order of the phone (the order's 邮件通知客户, which
 * the email hooks read); the texts about a filing always go.
 */
async function setEmailNotifications(
  req: PayloadRequest,
  phone: string,
  notifyByEmail: boolean,
): Promise<void> {
  await req.payload.update({
    collection: "orders",
    where: { "contact.phone": { equals: phone } },
    data: { notifyByEmail },
    overrideAccess: true,
    depth: 0,
    req,
  });
}

/** Each checklist item of the order; none is uploaded until the customer center takes uploads. */
function materialsOf(order: Order): TCustomerOrder["materials"] {
  const items = Array.isArray(order.materials) ? order.materials : [];
  return items
    .filter((item): item is string => typeof item === "string")
    .map((item) => ({ item, required: true, status: "missing" }));
}

function requireTrustedOrigin(req: PayloadRequest, trusted: Set<string>): void {
  const origin = req.headers.get("origin");
  if (origin !== null && !trusted.has(origin)) throw new Refusal("origin_not_allowed");
}

/** The body of a state-changing request: JSON only, from the site (or the CMS itself). */
async function readJsonFromSite(req: PayloadRequest, trusted: Set<string>): Promise<unknown> {
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
