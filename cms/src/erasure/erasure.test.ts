/**
 * Erasure on request (PIPL art. 47) over real HTTP: an admin names a phone number or an email
 * address, previews how much would go, and erases every lead, order and email of that person,
 * leaving a record of who erased how much and when — without the phone or the address. Sales and
 * editors are refused.
 */
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../devLogins.ts";
import { formatChinaTime } from "../lib/chinaTime.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let tokens: { admin: string; editor: string; sales: string };

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({ TRUST_PROXY: "true" }));
  payload = t.payload;
  tokens = await server.staffTokens();
});

afterAll(async () => {
  await close?.();
});

type TCounts = { leads: number; orders: number; emails: number };

const call = (method: string, path: string, token?: string, body?: unknown) =>
  fetch(`${server.url}/api/${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `JWT ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

type TContact = { phone: string; email?: string };

const submitLead = async (contact: TContact) =>
  (
    await server.submit("leads", {
      name: "王小明",
      ...contact,
      consent: { privacy: true },
      elapsedMs: 8_000,
    })
  ).id;

const submitOrder = async (contact: TContact) =>
  (
    await server.submit("orders", {
      filingType: "enterprise",
      contact: { name: "李经理", ...contact },
      entity: { name: "杭州某科技有限公司", province: "zhejiang" },
      consent: { privacy: true },
      elapsedMs: 8_000,
    })
  ).id;

async function convert(lead: number): Promise<number> {
  const response = await call("POST", `leads/${lead}/convert`, tokens.admin, {
    province: "beijing",
    filingType: "personal",
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { order: { id: number } }).order.id;
}

let serial = 0;
/** An email whose lead or order was deleted before deletions took their emails along. */
async function leftoverEmail(to: string, text: string): Promise<number> {
  const doc = await payload.create({
    collection: "outbox",
    data: {
      kind: "lead_alert",
      state: "sent",
      to,
      subject: "新线索",
      text,
      html: `<p>${text}</p>`,
      idempotencyKey: `beian-erasure-test-${++serial}`,
    },
  });
  return doc.id;
}

const ids = async (collection: "leads" | "orders" | "outbox", list: number[]) =>
  (await payload.count({ collection, where: { id: { in: list } } })).totalDocs;

/** Everything stored about the two people of a test. */
async function census(of: { leads: number[]; orders: number[]; emails: number[] }) {
  return {
    leads: await ids("leads", of.leads),
    orders: await ids("orders", of.orders),
    emails: await ids("outbox", of.emails),
  };
}

async function emailIdsAbout(leads: number[], orders: number[]): Promise<number[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where: { or: [{ lead: { in: leads } }, { order: { in: orders } }] },
    pagination: false,
    depth: 0,
  });
  return docs.map((doc) => doc.id);
}

describe("erasing a person by phone number", () => {
  const phone = "13911112222";
  let person: { leads: number[]; orders: number[]; emails: number[] };
  let other: { leads: number[]; orders: number[]; emails: number[] };

  beforeAll(async () => {
    const withEmail = await submitLead({ phone, email: "x@example.com" }); // alert + confirmation
    const typedOddly = await submitLead({ phone: "+86 139-1111-2222" }); // alert
    const converted = await submitLead({ phone }); // alert
    const convertedOrder = await convert(converted); // alert
    const ordered = await submitOrder({ phone, email: "x@example.com" }); // alert + confirmation
    const leads = [withEmail, typedOddly, converted];
    const orders = [convertedOrder, ordered];
    const leftover = await leftoverEmail("sales@beian.example.com", `手机号:${phone}`);
    person = { leads, orders, emails: [...(await emailIdsAbout(leads, orders)), leftover] };

    const otherLead = await submitLead({ phone: "13922223333", email: "y@example.com" });
    const otherOrder = await submitOrder({ phone: "13922223333" });
    // Another number that merely contains this one's digits is someone else's.
    const near = await leftoverEmail("sales@beian.example.com", `手机号:${phone}9`);
    other = {
      leads: [otherLead],
      orders: [otherOrder],
      emails: [...(await emailIdsAbout([otherLead], [otherOrder])), near],
    };
    expect(person.emails).toHaveLength(8);
    expect(other.emails).toHaveLength(4);
  });

  it("is refused to sales, editors and the public, preview and erasure alike", async () => {
    const request = { identifier: phone, confirmed: true };
    for (const token of [tokens.sales, tokens.editor]) {
      const preview = await call("POST", "erasures/preview", token, request);
      expect(preview.status).toBe(403);
      expect(((await preview.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      expect((await call("POST", "erasures", token, request)).status).toBe(403);
      expect((await call("GET", "erasures", token)).status).toBe(403);
    }
    expect((await call("POST", "erasures/preview", undefined, request)).status).toBe(401);
    expect((await call("POST", "erasures", undefined, request)).status).toBe(403);
    expect(await census(person)).toEqual({ leads: 3, orders: 2, emails: 8 });
  });

  it("previews what would go, in any way the number is written, and erases nothing", async () => {
    const response = await call("POST", "erasures/preview", tokens.admin, {
      identifier: "+86 139 1111 2222",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ leads: 3, orders: 2, emails: 8 });
    expect(await census(person)).toEqual({ leads: 3, orders: 2, emails: 8 });
  });

  it("refuses what is neither a phone number nor an address, and an erasure not confirmed", async () => {
    const preview = await call("POST", "erasures/preview", tokens.admin, { identifier: "张三" });
    expect(preview.status).toBe(400);
    const { error } = (await preview.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.identifier).toMatch(/手机号|邮箱/);
    const unconfirmed = await call("POST", "erasures", tokens.admin, { identifier: phone });
    expect(unconfirmed.status).toBe(400);
    expect(await census(person)).toEqual({ leads: 3, orders: 2, emails: 8 });
  });

  it("erases every lead, order and email of the person, and only theirs", async () => {
    const signIns = async (of: string) => ({
      customers: (
        await payload.count({ collection: "customers", where: { phone: { equals: of } } })
      ).totalDocs,
      codes: (
        await payload.count({ collection: "customer-codes", where: { phone: { equals: of } } })
      ).totalDocs,
      sessions: (await payload.count({ collection: "customer-sessions" })).totalDocs,
    });
    for (const [n, of] of [phone, "13922223333"].entries()) {
      const customer = await payload.create({ collection: "customers", data: { phone: of } });
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      await payload.create({
        collection: "customer-codes",
        data: { phone: of, codeHash: "-", expiresAt },
      });
      await payload.create({
        collection: "customer-sessions",
        data: { tokenHash: `erasure-${n}`, customer: customer.id, expiresAt },
      });
    }
    const response = await call("POST", "erasures", tokens.admin, {
      identifier: "139-1111-2222",
      confirmed: true,
    });
    expect(response.status).toBe(201);
    expect(await census(person)).toEqual({ leads: 0, orders: 0, emails: 0 });
    expect(await census(other)).toEqual({ leads: 1, orders: 1, emails: 4 });
    // The customer-center account of the number goes, with its sign-in code and session.
    expect(await signIns(phone)).toEqual({ customers: 0, codes: 0, sessions: 1 });
    expect(await signIns("13922223333")).toEqual({ customers: 1, codes: 1, sessions: 1 });
    const jobs = await payload.find({ collection: "payload-jobs", pagination: false });
    const sending = jobs.docs.map((job) => Number((job.input as { outboxId?: string }).outboxId));
    expect(sending.filter((id) => person.emails.includes(id))).toEqual([]);
  });

  it("leaves a record of who, when and how much — without the phone number", async () => {
    const { docs } = await payload.find({ collection: "erasures", depth: 0 });
    expect(docs).toHaveLength(1);
    const record = docs[0];
    if (!record) throw new Error("no record");
    const admin = DEV_LOGINS.admin.email;
    expect(record).toMatchObject({
      kind: "phone",
      leads: 3,
      orders: 2,
      emails: 8,
      byEmail: admin,
      erasedAt: formatChinaTime(record.createdAt),
    });
    expect(record.by).toBeTruthy();
    const stored = JSON.stringify(record);
    expect(stored).not.toContain("1111");
    expect(stored).not.toContain("x@example.com");
    const read = await call("GET", `erasures/${record.id}`, tokens.admin);
    expect(JSON.stringify(await read.json())).not.toContain("1111");
  });

  it("the record stays as it was: not even an admin changes or deletes it", async () => {
    const { docs } = await payload.find({ collection: "erasures", depth: 0 });
    const id = docs[0]?.id;
    expect((await call("PATCH", `erasures/${id}`, tokens.admin, { leads: 0 })).status).toBe(403);
    expect((await call("DELETE", `erasures/${id}`, tokens.admin)).status).toBe(403);
    expect((await payload.findByID({ collection: "erasures", id: id as number })).leads).toBe(3);
  });
});

describe("erasing a person by email address", () => {
  it("takes their leads and orders, and every email addressed to them, whatever the case", async () => {
    const lead = await submitLead({ phone: "13933334444", email: "Zed@Example.com" });
    const order = await submitOrder({ phone: "13944445555", email: "zed@example.com" });
    const addressed = await leftoverEmail("ZED@example.com", "您好");
    const mentioned = await leftoverEmail("sales@beian.example.com", "邮箱:zed@example.com");
    const person = {
      leads: [lead],
      orders: [order],
      emails: [...(await emailIdsAbout([lead], [order])), addressed, mentioned],
    };
    const near = await leftoverEmail("fred.zed@example.com", "您好");
    const other = { leads: [], orders: [], emails: [near] };

    const preview = await call("POST", "erasures/preview", tokens.admin, {
      identifier: " zed@example.com ",
    });
    expect(await preview.json()).toEqual({ leads: 1, orders: 1, emails: 6 });
    const response = await call("POST", "erasures", tokens.admin, {
      identifier: "zed@EXAMPLE.com",
      confirmed: true,
    });
    expect(response.status).toBe(201);
    const { doc } = (await response.json()) as { doc: TCounts & { kind: string } };
    expect(doc).toMatchObject({ kind: "email", leads: 1, orders: 1, emails: 6 });
    expect(JSON.stringify(doc).toLowerCase()).not.toContain("zed@");
    expect(await census(person)).toEqual({ leads: 0, orders: 0, emails: 0 });
    expect(await census(other)).toEqual({ leads: 0, orders: 0, emails: 1 });
  });
});

describe("erasing a person whose submission was set aside as suspected spam", () => {
  it("finds and erases it too: staff's lists leave it out, the erasure does not", async () => {
    const response = await server.postPublic("leads", {
      name: "赵",
      phone: "13955556666",
      consent: { privacy: true },
      website: "https://autofilled.example",
      elapsedMs: 8_000,
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const { docs } = await payload.find({
      collection: "leads",
      where: { reference: { equals: reference } },
      overrideAccess: true,
    });
    expect(docs[0]?.suspectedSpam).toBeTruthy();

    const preview = await call("POST", "erasures/preview", tokens.admin, {
      identifier: "13955556666",
    });
    expect(await preview.json()).toMatchObject({ leads: 1 });
    const erased = await call("POST", "erasures", tokens.admin, {
      identifier: "13955556666",
      confirmed: true,
    });
    expect(erased.status).toBe(201);
    expect(await ids("leads", [docs[0]?.id as number])).toBe(0);
  });
});

describe("the ids of an erased person's lead and order", () => {
  it("are never given to anyone after them: a link to the erased lead stays a 404", async () => {
    // The newest lead and order: SQLite would give their ids to the next ones without AUTOINCREMENT.
    const lead = await submitLead({ phone: "13966667777" });
    const order = await submitOrder({ phone: "13966667777" });
    const erased = await call("POST", "erasures", tokens.admin, {
      identifier: "13966667777",
      confirmed: true,
    });
    expect(erased.status).toBe(201);

    const nextLead = await submitLead({ phone: "13977778888" });
    const nextOrder = await submitOrder({ phone: "13977778888" });
    expect(nextLead).toBeGreaterThan(lead);
    expect(nextOrder).toBeGreaterThan(order);
    expect((await call("GET", `leads/${lead}`, tokens.admin)).status).toBe(404);
    expect((await call("GET", `orders/${order}`, tokens.admin)).status).toBe(404);
  });
});
