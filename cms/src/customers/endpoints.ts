/**
 * The customer center's API (CONTRACT §7) under /api/public/customer/*: a code by SMS, a session
 * for phone and code, the customer's orders, their choice of emails, and signing out (CORS and
 * CSRF rules: ./http.ts; documents: src/materials/customerEndpoints.ts).
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
import { localeOf, Refusal, requireValid } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { materialStatesOf } from "../materials/state.ts";
import type { Order } from "../payload-types.ts";
import { clientIp, rateLimitKey } from "../public-api/clientIp.ts";
import { lookupAnswerOf } from "../public-api/orders.ts";
import { charge, limitersFor, rateLimited } from "../public-api/rateLimit.ts";
import { queueLoginCode } from "../sms/outbox.ts";
import { chargeCodeSend, checkCode, issueCode } from "./codes.ts";
import { customerHttp, NO_STORE, readJsonFromSite, requireTrustedOrigin } from "./http.ts";
import {
  endedSessionCookie,
  endSession,
  openSession,
  sessionCookie,
  sessionCustomer,
} from "./sessions.ts";

export function customerEndpoints(env: TEnv): Endpoint[] {
  const { route, preflights, trusted, secure } = customerHttp(env);

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
    ...preflights(["code", "session", "orders", "preferences"]),
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
  const [answer, materials] = await Promise.all([
    lookupAnswerOf(req, order),
    materialStatesOf(req, order),
  ]);
  return { ...answer, materials };
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
