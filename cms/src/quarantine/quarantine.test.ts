/**
 * Suspected spam over real HTTP on a real SQLite database: a honeypot hit or a form sent too fast
 * is answered like anyone's and stored aside — no emails, out of sales' lists, counts and exports —
 * until sales restores it with one request, which sends the emails it held back.
 */
import type { TRole } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: Record<TRole, string>;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({ SITE_URL: SITE, TRUST_PROXY: "true" }));
  payload = t.payload;
  tokens = await server.staffTokens();
});

afterAll(() => close?.());

let sent = 0;
const lead = (extra: Record<string, unknown> = {}) => ({
  name: "周八",
  phone: "13800138000",
  // An address of its own each time: the per-address cap on confirmations stays out of it.
  email: `zhou-${++sent}@example.com`,
  filingType: "personal",
  consent: { privacy: true },
  elapsedMs: 6_000,
  ...extra,
});
const order = (extra: Record<string, unknown> = {}) => ({
  filingType: "enterprise",
  contact: { name: "吴九", phone: "13700137000", email: `wu-${++sent}@example.com` },
  entity: { name: "吴记科技", province: "guangdong" },
  consent: { privacy: true },
  elapsedMs: 6_000,
  ...extra,
});

const submitLead = (extra: Record<string, unknown> = {}) => server.submit("leads", lead(extra));
const submitOrder = (extra: Record<string, unknown> = {}) => server.submit("orders", order(extra));

const emailKinds = async (field: "lead" | "order", id: number) =>
  (
    await payload.find({
      collection: "outbox",
      where: { [field]: { equals: id } },
      sort: "createdAt",
      depth: 0,
    })
  ).docs.map((email) => email.kind);

/** `GET /api/<path>` as a member of staff; the JSON answer. */
async function getAs(role: TRole, path: string) {
  const response = await fetch(`${server.url}/api/${path}`, {
    headers: { Authorization: `JWT ${tokens[role]}` },
  });
  expect(response.status, path).toBe(200);
  return response.json();
}

const listIds = async (collection: "leads" | "orders", query = "") =>
  ((await getAs("sales", `${collection}?limit=1000&depth=0${query}`)).docs as { id: number }[]).map(
    (doc) => doc.id,
  );

const restore = (collection: "leads" | "orders", id: number | string, role?: TRole) =>
  fetch(`${server.url}/api/${collection}/${id}/restore`, {
    method: "POST",
    headers: role ? { Authorization: `JWT ${tokens[role]}` } : {},
  });

describe("suspected spam is stored, answered like anyone's, and sends nothing", () => {
  it("a honeypot hit and a form sent too fast: a real lead, marked with the reason, no emails", async () => {
    const honeypot = await submitLead({ website: "http://spam.example" });
    expect(honeypot.reference).toMatch(/^L-[2-9A-HJKMNP-TV-Z]{6}$/);
    const fast = await submitLead({ elapsedMs: 300 });
    const genuine = await submitLead();
    const stored = async (id: number) => payload.findByID({ collection: "leads", id, depth: 0 });
    expect(await stored(honeypot.id)).toMatchObject({
      reference: honeypot.reference,
      name: "周八",
      suspectedSpam: "honeypot",
    });
    expect((await stored(fast.id)).suspectedSpam).toBe("too_fast");
    expect((await stored(genuine.id)).suspectedSpam ?? null).toBeNull();
    expect(await emailKinds("lead", honeypot.id)).toEqual([]);
    expect(await emailKinds("lead", fast.id)).toEqual([]);
    expect(await emailKinds("lead", genuine.id)).toEqual(["lead_alert", "lead_confirmation"]);
  });

  it("an order: its number, stage and checklist as anyone's; no alert, no confirmation", async () => {
    const suspected = await submitOrder({ website: "x" });
    expect(suspected.orderNo).toMatch(/^B-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(suspected.status).toBe("submitted");
    expect(suspected.materials.length).toBeGreaterThan(0);
    const doc = await payload.findByID({ collection: "orders", id: suspected.id, depth: 0 });
    expect(doc.suspectedSpam).toBe("honeypot");
    expect(await emailKinds("order", suspected.id)).toEqual([]);
    // Its customer can still look it up: the number and the phone are theirs.
    const lookup = await server.postPublic("orders/lookup", {
      orderNo: suspected.orderNo,
      phone: "13700137000",
    });
    expect(lookup.status).toBe(200);
  });

  it("is validated like anyone's: a bot's invalid form is a 400, and nothing is stored", async () => {
    const before = (await payload.count({ collection: "leads" })).totalDocs;
    const response = await server.postPublic("leads", lead({ website: "x", phone: "1" }));
    expect(response.status).toBe(400);
    expect((await payload.count({ collection: "leads" })).totalDocs).toBe(before);
  });

  it("a plain HTML form with its honeypot filled is sent to the thank-you page, stored aside", async () => {
    const before = (await payload.count({ collection: "leads" })).totalDocs;
    const response = await server.postPublic("leads", undefined, {
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      raw: new URLSearchParams({
        name: "郑十",
        phone: "13900139000",
        "consent.privacy": "true",
        website: "http://spam.example",
      }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${SITE}/thanks/`);
    const { docs } = await payload.find({ collection: "leads", sort: "-createdAt", limit: 1 });
    expect((await payload.count({ collection: "leads" })).totalDocs).toBe(before + 1);
    expect(docs[0]).toMatchObject({ name: "郑十", suspectedSpam: "honeypot" });
  });
});

describe("sales' lists, counts and exports leave suspected spam out", () => {
  it("the default list and count leave it out; the 可疑提交 filter shows only it", async () => {
    const suspected = await submitLead({ website: "x" });
    const genuine = await submitLead();
    const list = await listIds("leads");
    expect(list).toContain(genuine.id);
    expect(list).not.toContain(suspected.id);
    const count = await getAs("sales", "leads/count");
    expect(count.totalDocs).toBe(list.length);

    const quarantine = await listIds("leads", "&where[suspectedSpam][exists]=true");
    expect(quarantine).toContain(suspected.id);
    expect(quarantine).not.toContain(genuine.id);
    // The list's own filters (a search by phone, a status) still leave it out.
    expect(await listIds("leads", "&where[phone][equals]=13800138000")).not.toContain(suspected.id);
    // Opened by its link (its page in the admin), it is there to be looked at and restored.
    expect((await getAs("sales", `leads/${suspected.id}?depth=0`)).suspectedSpam).toBe("honeypot");
  });

  it("orders too", async () => {
    const suspected = await submitOrder({ elapsedMs: 100 });
    const genuine = await submitOrder();
    expect(await listIds("orders")).toContain(genuine.id);
    expect(await listIds("orders")).not.toContain(suspected.id);
    expect(await listIds("orders", "&where[suspectedSpam][equals]=too_fast")).toContain(
      suspected.id,
    );
  });

  it("CSV exports never include it, even when asked for", async () => {
    const suspected = await submitLead({ website: "x" });
    const genuine = await submitLead();
    const csv = async (query: string) =>
      (
        await fetch(`${server.url}/api/leads/export.csv${query}`, {
          headers: { Authorization: `JWT ${tokens.sales}` },
        })
      ).text();
    const all = await csv("");
    expect(all).toContain(genuine.reference);
    expect(all).not.toContain(suspected.reference);
    expect(await csv("?where[suspectedSpam][exists]=true")).not.toContain(suspected.reference);
  });
});

describe("restoring: one request for sales", () => {
  it("clears the mark, puts it back in the list and queues the emails it held back, once", async () => {
    const suspected = await submitLead({ website: "x" });
    const response = await restore("leads", suspected.id, "sales");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: suspected.id, restored: true });
    const doc = await payload.findByID({ collection: "leads", id: suspected.id, depth: 0 });
    expect(doc.suspectedSpam ?? null).toBeNull();
    expect(await listIds("leads")).toContain(suspected.id);
    expect(await emailKinds("lead", suspected.id)).toEqual(["lead_alert", "lead_confirmation"]);

    // A second click (or a colleague's) changes nothing and sends nothing more.
    const again = await restore("leads", suspected.id, "sales");
    expect(await again.json()).toEqual({ id: suspected.id, restored: false });
    expect(await emailKinds("lead", suspected.id)).toHaveLength(2);
  });

  it("an order: the sales alert and the customer's confirmation with the checklist", async () => {
    const suspected = await submitOrder({ website: "x" });
    expect((await restore("orders", suspected.id, "admin")).status).toBe(200);
    expect(await emailKinds("order", suspected.id)).toEqual(["order_alert", "order_confirmation"]);
    const doc = await payload.findByID({ collection: "orders", id: suspected.id, depth: 0 });
    expect(doc).toMatchObject({ status: "submitted" });
    expect(doc.suspectedSpam ?? null).toBeNull();
  });

  it("only sales and admins restore: editors 403, anonymous 401, an unknown id 404", async () => {
    const suspected = await submitLead({ website: "x" });
    const editor = await restore("leads", suspected.id, "editor");
    expect(editor.status).toBe(403);
    expect((await editor.json()).error.code).toBe("forbidden");
    expect((await restore("leads", suspected.id)).status).toBe(401);
    expect((await restore("leads", 999_999, "sales")).status).toBe(404);
    expect((await restore("leads", "abc", "sales")).status).toBe(404);
    const doc = await payload.findByID({ collection: "leads", id: suspected.id, depth: 0 });
    expect(doc.suspectedSpam).toBe("honeypot");
    expect(await emailKinds("lead", suspected.id)).toEqual([]);
  });

  it("a suspected lead is not converted into an order until it is restored", async () => {
    const suspected = await submitLead({ website: "x" });
    const convert = () =>
      fetch(`${server.url}/api/leads/${suspected.id}/convert`, {
        method: "POST",
        headers: { Authorization: `JWT ${tokens.sales}`, "Content-Type": "application/json" },
        body: JSON.stringify({ province: "beijing" }),
      });
    expect((await convert()).status).toBe(404);
    expect((await restore("leads", suspected.id, "sales")).status).toBe(200);
    expect((await convert()).status).toBe(201);
  });

  it("nobody sets or clears the mark through the REST API, only by restoring", async () => {
    const suspected = await submitLead({ website: "x" });
    const genuine = await submitLead();
    for (const [id, value] of [
      [suspected.id, null],
      [genuine.id, "flood"],
    ] as const) {
      await fetch(`${server.url}/api/leads/${id}`, {
        method: "PATCH",
        headers: { Authorization: `JWT ${tokens.sales}`, "Content-Type": "application/json" },
        body: JSON.stringify({ suspectedSpam: value }),
      });
    }
    expect((await payload.findByID({ collection: "leads", id: suspected.id })).suspectedSpam).toBe(
      "honeypot",
    );
    expect(
      (await payload.findByID({ collection: "leads", id: genuine.id })).suspectedSpam ?? null,
    ).toBeNull();
  });

  it("while suspected, working the order sends the customer nothing", async () => {
    const suspected = await submitOrder({ website: "x" });
    const response = await fetch(`${server.url}/api/orders/${suspected.id}`, {
      method: "PATCH",
      headers: { Authorization: `JWT ${tokens.sales}`, "Content-Type": "application/json" },
      body: JSON.stringify({ status: "preliminary_review" }),
    });
    expect(response.status).toBe(200);
    expect(await emailKinds("order", suspected.id)).toEqual([]);
  });
});
