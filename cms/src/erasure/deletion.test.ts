/**
 * Deleting a lead or an order deletes the personal data that hangs off it — its emails in the
 * outbox (with the phone number) and the queued jobs that would send them — in the delete's own
 * transaction, however it is deleted (the admin, REST, a bulk delete, retention).
 */
import type { CollectionBeforeDeleteHook, Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptRequiredDocuments } from "../testing/documents.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let admin: string;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({ TRUST_PROXY: "true" }));
  payload = t.payload;
  admin = (await server.staffTokens()).admin;
});

afterAll(async () => {
  await close?.();
});

let phones = 0;
/** A distinct phone per submission, so that nothing else in the database shares it. */
const nextPhone = () => `1360000${String(++phones).padStart(4, "0")}`;

async function submitLead(headers: Record<string, string> = {}): Promise<number> {
  const phone = nextPhone();
  // An address of its own too: one mailbox gets only so many confirmations a day.
  const lead = { name: "王小明", phone, email: `wang.${phone}@example.com` };
  const body = { ...lead, consent: { privacy: true }, elapsedMs: 8_000 };
  return (await server.submit("leads", body, { headers })).id;
}

async function submitOrder(): Promise<number> {
  const order = await server.submit("orders", {
    filingType: "enterprise",
    contact: { name: "李经理", phone: nextPhone(), email: `li.${phones}@example.com` },
    entity: { name: "杭州某科技有限公司", province: "zhejiang" },
    consent: { privacy: true },
    elapsedMs: 8_000,
  });
  return order.id;
}

/** The ids of the emails about a lead or an order. */
async function emailIdsOf(field: "lead" | "order", id: number): Promise<number[]> {
  const { docs } = await payload.find({
    collection: "outbox",
    where: { [field]: { equals: id } },
    pagination: false,
    depth: 0,
  });
  return docs.map((doc) => doc.id);
}

/** What is left of these messages: the messages themselves and the jobs that would send them. */
async function leftOf(emailIds: number[]) {
  const emails = await payload.count({ collection: "outbox", where: { id: { in: emailIds } } });
  const jobs = await payload.find({
    collection: "payload-jobs",
    where: { taskSlug: { in: ["sendEmail", "sendSms"] } },
    pagination: false,
  });
  const sending = jobs.docs.filter((job) =>
    emailIds.map(String).includes(String((job.input as { outboxId?: string }).outboxId)),
  );
  return { emails: emails.totalDocs, jobs: sending.length };
}

const remove = (path: string) =>
  fetch(`${server.url}/api/${path}`, {
    method: "DELETE",
    headers: { Authorization: `JWT ${admin}` },
  });

describe("deleting a lead", () => {
  it("deletes its emails and their queued jobs", async () => {
    const lead = await submitLead();
    const emails = await emailIdsOf("lead", lead);
    expect(emails).toHaveLength(2);
    expect(await leftOf(emails)).toEqual({ emails: 2, jobs: 2 });

    expect((await remove(`leads/${lead}`)).status).toBe(200);
    expect(await leftOf(emails)).toEqual({ emails: 0, jobs: 0 });
  });

  it("forgets the answer stored for its Idempotency-Key: the key no longer hands out its reference", async () => {
    const headers = { "Idempotency-Key": `delete-${Date.now()}` };
    const lead = await submitLead(headers);
    const stored = () =>
      payload.count({
        collection: "idempotency-keys",
        where: { document: { equals: `leads:${lead}` } },
        overrideAccess: true,
      });
    expect((await stored()).totalDocs).toBe(1);

    expect((await remove(`leads/${lead}`)).status).toBe(200);
    expect((await stored()).totalDocs).toBe(0);
  });

  it("in a bulk delete too, each lead with its own emails", async () => {
    const leads = [await submitLead(), await submitLead()];
    const emails = (await Promise.all(leads.map((id) => emailIdsOf("lead", id)))).flat();
    const kept = await submitLead();
    const keptEmails = await emailIdsOf("lead", kept);

    const query = leads.map((id, i) => `where[id][in][${i}]=${id}`).join("&");
    expect((await remove(`leads?${query}`)).status).toBe(200);
    expect(await leftOf(emails)).toEqual({ emails: 0, jobs: 0 });
    expect(await leftOf(keptEmails)).toEqual({ emails: 2, jobs: 2 });
  });

  it("keeps the emails when the delete fails: they go in the delete's own transaction", async () => {
    const lead = await submitLead();
    const emails = await emailIdsOf("lead", lead);
    // A fault after every other hook has run, where the delete itself would fail.
    const hooks = payload.collections.leads.config.hooks.beforeDelete;
    const fault: CollectionBeforeDeleteHook = () => {
      throw new Error("disk full");
    };
    hooks.push(fault);
    try {
      expect((await remove(`leads/${lead}`)).status).toBe(500);
    } finally {
      hooks.splice(hooks.indexOf(fault), 1);
    }
    expect(await payload.count({ collection: "leads", where: { id: { equals: lead } } })).toEqual(
      expect.objectContaining({ totalDocs: 1 }),
    );
    expect(await leftOf(emails)).toEqual({ emails: 2, jobs: 2 });
  });
});

describe("deleting an order", () => {
  it("deletes its emails, the scheduled reminder among them, and their jobs", async () => {
    const order = await submitOrder();
    for (const status of ["preliminary_review", "platform_review", "sms_verification"] as const) {
      if (status === "platform_review") await acceptRequiredDocuments(payload, t.env, order);
      await payload.update({ collection: "orders", id: order, data: { status } });
    }
    const emails = await emailIdsOf("order", order);
    // Alert, confirmation, two stage changes, the SMS email and its scheduled reminder; and the
    // customer's three text messages.
    expect(emails).toHaveLength(9);
    expect(await leftOf(emails)).toEqual({ emails: 9, jobs: 9 });

    expect((await remove(`orders/${order}`)).status).toBe(200);
    expect(await leftOf(emails)).toEqual({ emails: 0, jobs: 0 });
  });

  it("the lead it was converted from goes back to the sales team, with its own emails", async () => {
    const lead = await submitLead();
    const leadEmails = await emailIdsOf("lead", lead);
    const converted = await fetch(`${server.url}/api/leads/${lead}/convert`, {
      method: "POST",
      headers: { Authorization: `JWT ${admin}`, "Content-Type": "application/json" },
      body: JSON.stringify({ province: "beijing", filingType: "personal" }),
    });
    expect(converted.status).toBe(201);
    const { order } = (await converted.json()) as { order: { id: number } };
    const orderEmails = await emailIdsOf("order", order.id);
    expect(orderEmails).toHaveLength(2);

    expect((await remove(`orders/${order.id}`)).status).toBe(200);
    expect(await leftOf(orderEmails)).toEqual({ emails: 0, jobs: 0 });
    const back = await payload.findByID({ collection: "leads", id: lead, depth: 0 });
    expect(back.status).toBe("qualified");
    expect(await leftOf(leadEmails)).toEqual({ emails: 2, jobs: 2 });
  });
});

it("deleting an email deletes the job that would send it", async () => {
  const lead = await submitLead();
  const [email] = await emailIdsOf("lead", lead);
  expect((await remove(`outbox/${email}`)).status).toBe(200);
  expect(await leftOf([email as number])).toEqual({ emails: 0, jobs: 0 });
});
