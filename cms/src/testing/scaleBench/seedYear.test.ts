/**
 * The scale bench's year of data, written small: what sales reads of it is what real leads and
 * orders look like — converted leads and their orders pointing at each other, each order's stage
 * history ending at its stage and its emails in the outbox, suspected spam hidden from staff
 * lists, readable by sales through the same access as the admin's list.
 */
import type { Payload, TypedUser } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lead, Order } from "../../payload-types.ts";
import { seed } from "../../seed/index.ts";
import { createTestPayload, type TTestPayload } from "../payload.ts";
import { seedCases, seedLeadsAndOrders } from "./seedYear.ts";

let t: TTestPayload;
let payload: Payload;
let sales: TypedUser;
const SIZES = { leads: 1_200, orders: 200 };

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
  await seed(payload, t.env);
  await seedLeadsAndOrders(payload, SIZES);
  await seedCases(payload, 30);
  const { docs } = await payload.find({
    collection: "users",
    where: { email: { equals: "sales@example.com" } },
  });
  sales = { ...docs[0], collection: "users" } as TypedUser;
});
afterAll(() => t?.close());

describe("a year of data, written small", () => {
  it("stores every lead and order, a little of it as suspected spam hidden from sales", async () => {
    const all = await payload.count({ collection: "leads" });
    const orders = await payload.count({ collection: "orders" });
    expect(all.totalDocs).toBe(SIZES.leads);
    expect(orders.totalDocs).toBe(SIZES.orders);
    const seen = await payload.count({ collection: "leads", overrideAccess: false, user: sales });
    expect(seen.totalDocs).toBeLessThan(SIZES.leads);
    expect(seen.totalDocs).toBeGreaterThan(SIZES.leads * 0.95);
  });

  it("spreads leads over twelve months and over statuses, assignees and partners", async () => {
    const { docs } = await payload.find({
      collection: "leads",
      limit: 0,
      pagination: false,
      depth: 0,
    });
    const ages = docs.map((doc) => (Date.now() - Date.parse(doc.createdAt)) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(300);
    expect(Math.max(...ages)).toBeLessThan(366);
    expect(new Set(docs.map((doc) => doc.status))).toEqual(
      new Set(["new", "contacted", "qualified", "converted", "lost"]),
    );
    expect(new Set(docs.map((doc) => doc.assignee)).size).toBeGreaterThan(5);
    expect(new Set(docs.map((doc) => doc.partner)).size).toBeGreaterThan(2);
    expect(docs.every((doc) => /^1[3-9]\d{9}$/.test(doc.phone))).toBe(true);
  });

  it("links a converted lead and its order both ways", async () => {
    const { docs } = await payload.find({
      collection: "leads",
      where: { status: { equals: "converted" } },
      depth: 1,
      limit: 5,
    });
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs as Lead[]) {
      const converted = doc.convertedOrder as Order;
      expect(converted.orderNo).toMatch(/^B-\w{4}-\w{4}$/);
      expect(typeof converted.lead === "object" ? converted.lead?.id : converted.lead).toBe(doc.id);
    }
  });

  it("gives each order its stage history and the emails of its life, as sent", async () => {
    const { docs } = await payload.find({
      collection: "orders",
      limit: 30,
      depth: 0,
      sort: "createdAt",
    });
    for (const doc of docs as Order[]) {
      expect(doc.stageHistory?.at(-1)?.stage).toBe(doc.status);
      const emails = await payload.find({
        collection: "outbox",
        where: { order: { equals: doc.id } },
        depth: 0,
        limit: 50,
      });
      const kinds = emails.docs.map((email) => email.kind);
      expect(kinds).toContain("order_alert");
      expect(emails.docs.every((email) => email.state === "sent")).toBe(true);
      if (doc.contact.email && doc.notifyByEmail) {
        expect(kinds).toContain("order_confirmation");
        expect(emails.totalDocs).toBe(1 + (doc.stageHistory?.length ?? 0));
      }
    }
  });

  it("publishes the cases for the site", async () => {
    const published = await payload.count({
      collection: "cases",
      where: { _status: { equals: "published" } },
    });
    const { docs } = await payload.find({
      collection: "cases",
      where: { order: { greater_than_equal: 1000 } },
      limit: 1,
      draft: true,
    });
    expect(published.totalDocs).toBeGreaterThanOrEqual(30);
    expect(docs[0]?.qrCodeSvg).toContain("<svg");
  });
});
