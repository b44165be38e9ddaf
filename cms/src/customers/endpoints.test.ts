/**
 * The customer center's API (CONTRACT §7) over real HTTP, with sign-in codes sent by SMS to a
 * local server speaking dysmsapi (testing/fakeSms.ts): the same answer for any phone, the send
 * limits, code guessing, the session cookie and its end, each customer's own orders only, and the
 * refusals of other origins, forms and bad input — each in the contract's shape.
 */
import type { TCustomerOrders } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSms, type TFakeSms } from "../testing/fakeSms.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";
import { MAX_WRONG_TRIES } from "./codes.ts";

const SITE = "http://site.test";
const LOGIN_TEMPLATE = "SMS_900001";
let fake: TFakeSms;
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  fake = await startFakeSms();
  ({ t, server, close } = await startSeededServer({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    ...fake.env,
    SMS_TEMPLATE_LOGIN: LOGIN_TEMPLATE,
  }));
  payload = t.payload;
});

afterAll(async () => {
  await close?.();
  await fake?.close();
});

let serial = 0;
let clients = 0;
/** A phone of each test's own: the send and try limits are per phone. */
function newPhone(): string {
  serial += 1;
  return `1370000${String(serial).padStart(4, "0")}`;
}

type TCall = {
  body?: unknown;
  cookie?: string;
  origin?: string | null;
  raw?: string;
  type?: string;
};

/** A request of the site's island: JSON, from the site's origin, from a client address of its own. */
function customer(method: string, path: string, call: TCall = {}): Promise<Response> {
  clients += 1;
  const origin = call.origin === undefined ? SITE : call.origin;
  return fetch(`${server.url}/api/public/customer/${path}`, {
    method,
    headers: {
      "X-Forwarded-For": `10.9.${Math.floor(clients / 250)}.${(clients % 250) + 1}`,
      ...(origin ? { Origin: origin } : {}),
      ...(call.cookie ? { Cookie: call.cookie } : {}),
      ...(call.body !== undefined || call.raw !== undefined
        ? { "Content-Type": call.type ?? "application/json" }
        : {}),
    },
    ...(call.raw !== undefined ? { body: call.raw } : {}),
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
}

async function placeOrder(phone: string) {
  return server.submit("orders", {
    filingType: "personal",
    contact: { name: "客户", phone },
    entity: { name: "某某", province: "beijing" },
    consent: { privacy: true },
    elapsedMs: 8_000,
  });
}

/** The code the stand-in received for this phone, once the outbox has sent it. */
async function codeSentTo(phone: string): Promise<string> {
  const until = Date.now() + 15_000;
  for (;;) {
    await payload.jobs.run({ limit: 50, silent: true });
    const sms = fake.delivered.filter((delivered) => delivered.phone === phone).at(-1);
    if (sms) {
      expect(sms.templateCode).toBe(LOGIN_TEMPLATE);
      return sms.params.code ?? "";
    }
    if (Date.now() > until) throw new Error(`no code reached ${phone}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Signs the phone in with the code it was sent; the session cookie as a `Cookie` header. */
async function signIn(phone: string): Promise<string> {
  expect((await customer("POST", "code", { body: { phone } })).status).toBe(202);
  const code = await codeSentTo(phone);
  const response = await customer("POST", "session", { body: { phone, code } });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("asking for a code", () => {
  it("answers 202 {} for any valid phone; only a phone with an order is texted", async () => {
    const known = newPhone();
    const stranger = newPhone();
    await placeOrder(known);
    const answers = await Promise.all(
      [known, stranger].map((phone) => customer("POST", "code", { body: { phone } })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(await answer.json()).toEqual({});
    }
    expect(await codeSentTo(known)).toMatch(/^\d{6}$/);
    await payload.jobs.run({ limit: 50, silent: true });
    expect(fake.delivered.filter((sms) => sms.phone === stranger)).toEqual([]);
  });

  it("allows one code a minute per phone, whatever address asks", async () => {
    const phone = newPhone();
    expect((await customer("POST", "code", { body: { phone } })).status).toBe(202);
    const again = await customer("POST", "code", { body: { phone: `+86 ${phone}` } });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("refuses a bad phone, a form post and a foreign origin in the contract's shape", async () => {
    const bad = await customer("POST", "code", { body: { phone: "12345" } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "validation_failed", fields: { phone: expect.stringContaining("手机号") } },
    });
    const form = await customer("POST", "code", {
      raw: `phone=${newPhone()}`,
      type: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    const foreign = await customer("POST", "code", {
      body: { phone: newPhone() },
      origin: "https://evil.example.net",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax cookie for the right code, and refuses a wrong one", async () => {
    const phone = newPhone();
    await placeOrder(phone);
    expect((await customer("POST", "code", { body: { phone } })).status).toBe(202);
    const code = await codeSentTo(phone);
    const wrong = await customer("POST", "session", {
      body: { phone, code: code === "000000" ? "000001" : "000000" },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "code_invalid" } });
    const right = await customer("POST", "session", { body: { phone, code } });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ customer: { phone } });
    expect(right.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(right.headers.get("access-control-allow-credentials")).toBe("true");
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^beian_customer=[\w-]{40,}; Path=\/api\/public\/customer; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    // Used once: the same code does not sign in again.
    expect((await customer("POST", "session", { body: { phone, code } })).status).toBe(401);
  });

  it("voids the code after 5 wrong tries: the right one is refused with 429 too", async () => {
    const phone = newPhone();
    await placeOrder(phone);
    expect((await customer("POST", "code", { body: { phone } })).status).toBe(202);
    const code = await codeSentTo(phone);
    const guesses = Array.from({ length: MAX_WRONG_TRIES }, (_, i) =>
      String((Number(code) + i + 1) % 1_000_000).padStart(6, "0"),
    );
    for (const guess of guesses) {
      expect((await customer("POST", "session", { body: { phone, code: guess } })).status).toBe(
        401,
      );
    }
    const late = await customer("POST", "session", { body: { phone, code } });
    expect(late.status).toBe(429);
    expect(late.headers.get("retry-after")).toBeTruthy();
  });

  it("refuses a code that is not six digits as invalid input", async () => {
    const response = await customer("POST", "session", {
      body: { phone: newPhone(), code: "12a" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", fields: { code: expect.any(String) } },
    });
  });
});

describe("the customer's orders", () => {
  it("are the orders of their phone alone, each as the lookup answers it, with the checklist", async () => {
    const phone = newPhone();
    const mine = await placeOrder(phone);
    const theirs = await placeOrder(newPhone());
    const cookie = await signIn(phone);
    const response = await customer("GET", "orders", { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as TCustomerOrders;
    expect(body.customer).toEqual({ phone, notifyByEmail: true });
    expect(body.orders.map((order) => order.orderNo)).toEqual([mine.orderNo]);
    expect(JSON.stringify(body)).not.toContain(theirs.orderNo);
    const [order] = body.orders;
    expect(order?.status).toBe("submitted");
    expect(order?.filingTypeName).toBeTruthy();
    // The checklist's documents as upload slots: the ID card's two sides, then the optional one.
    expect(mine.materials[0]).toBe("本人身份证");
    expect(order?.materials).toEqual([
      { item: "本人身份证(人像面)", required: true, status: "missing", uploadable: true },
      { item: "本人身份证(国徽面)", required: true, status: "missing", uploadable: true },
      { item: "其他补充材料", required: false, status: "missing", uploadable: true },
    ]);
  });

  it("need a session: none, a forged one and one ended by signing out get 401", async () => {
    const phone = newPhone();
    await placeOrder(phone);
    const cookie = await signIn(phone);
    const none = await customer("GET", "orders");
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: "signed_out" } });
    expect((await customer("GET", "orders", { cookie: `${cookie}x` })).status).toBe(401);
    const signOut = await customer("DELETE", "session", { cookie });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get("set-cookie")).toMatch(/^beian_customer=; .*Max-Age=0/);
    // The cookie kept from before signing out is worth nothing.
    expect((await customer("GET", "orders", { cookie })).status).toBe(401);
  });

  it("may have their emails turned off by the customer, for every order of theirs", async () => {
    const phone = newPhone();
    await placeOrder(phone);
    await placeOrder(phone);
    const cookie = await signIn(phone);
    const off = await customer("POST", "preferences", { cookie, body: { notifyByEmail: false } });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ notifyByEmail: false });
    const { docs } = await payload.find({
      collection: "orders",
      where: { "contact.phone": { equals: phone } },
    });
    expect(docs.map((order) => order.notifyByEmail)).toEqual([false, false]);
    const body = (await (await customer("GET", "orders", { cookie })).json()) as TCustomerOrders;
    expect(body.customer).toEqual({ phone, notifyByEmail: false });
    const anonymous = await customer("POST", "preferences", { body: { notifyByEmail: true } });
    expect(anonymous.status).toBe(401);
    const bad = await customer("POST", "preferences", { cookie, body: { notifyByEmail: "no" } });
    expect(bad.status).toBe(400);
  });

  it("answer CORS with credentials to the site's origin only", async () => {
    const preflight = await customer("OPTIONS", "orders");
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    const foreign = await customer("OPTIONS", "orders", { origin: "https://partner.example.com" });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });
});
