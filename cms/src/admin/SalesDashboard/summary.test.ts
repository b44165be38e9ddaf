/**
 * The sales dashboard's numbers on a real SQLite database: counts by status, stage and partner,
 * overdue orders and leads oldest first, links whose filters select exactly what was counted, and
 * nothing at all for editors.
 */
import type { Payload, TypedUser } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import { addWorkingDays } from "../../orders/deadlines.ts";
import type { Lead, Order } from "../../payload-types.ts";
import type { TTestPayload } from "../../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";
import { newLeadCutoff, salesSummary } from "./summary.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let sales: TypedUser;
let editor: TypedUser;
let partners: Record<string, number>;
const now = new Date();
const orderIds: Record<string, number> = {};

async function userWith(role: string): Promise<TypedUser> {
  const { docs } = await payload.find({ collection: "users", where: { role: { equals: role } } });
  if (!docs[0]) throw new Error(`no ${role} seeded`);
  return { ...docs[0], collection: "users" } as TypedUser;
}

async function lead(reference: string, status: Lead["status"], partner: number | null) {
  await payload.create({
    collection: "leads",
    data: { reference, name: `客户${reference}`, phone: "13800138000", status, partner },
  });
}

async function order(
  key: string,
  status: Order["status"],
  deadline: Date | null,
  partner: number | null,
) {
  const created = await payload.create({
    collection: "orders",
    data: {
      orderNo: `B-TEST-${key}`,
      filingType: "personal",
      contact: { name: `联系人${key}`, phone: "13900139000" },
      entity: { province: "guangdong" },
      status,
      partner,
      // An order is rejected with its reasons.
      ...(status === "rejected"
        ? { rejection: [{ field: "主体名称", reason: "与证件不一致" }] }
        : {}),
    },
  });
  // The stage hook set the stage's own deadline from the real clock; pin it for the test.
  await payload.update({
    collection: "orders",
    id: created.id,
    data: { stageDeadline: deadline?.toISOString() ?? null },
  });
  orderIds[key] = created.id;
}

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  payload = t.payload;
  sales = await userWith("sales");
  editor = await userWith("editor");
  const found = await payload.find({ collection: "partners", pagination: false, depth: 0 });
  partners = Object.fromEntries(found.docs.map((doc) => [doc.key, doc.id]));

  await lead("L-NEW001", "new", partners.direct ?? null);
  await lead("L-NEW002", "new", partners.yunfan ?? null);
  await lead("L-CON001", "contacted", null);
  await lead("L-QUA001", "qualified", partners.yunfan ?? null);
  await order("AAAA", "sms_verification", new Date(now.getTime() - HOUR), partners.yunfan ?? null);
  await order("BBBB", "preliminary_review", new Date(now.getTime() - 2 * DAY), null);
  await order("CCCC", "bureau_review", new Date(now.getTime() + 5 * DAY), partners.direct ?? null);
  await order("DDDD", "rejected", new Date(now.getTime() - 3 * DAY), partners.yunfan ?? null);
  await order("EEEE", "cancelled", null, null);
});

afterAll(() => close?.());

let salesToken: string | undefined;

/** What the REST API (the same query parser as the admin's list view) finds for a list link. */
async function countThrough(href: string): Promise<number> {
  const [path = "", query = ""] = href.split("?");
  const collection = path.split("/").pop();
  salesToken ??= await server.login(DEV_LOGINS.sales.email, DEV_LOGINS.sales.password);
  const response = await fetch(`${server.url}/api/${collection}?${query}&limit=1`, {
    headers: { Authorization: `JWT ${salesToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()).totalDocs;
}

describe("salesSummary", () => {
  it("counts leads by status and orders by stage, each linked to its filtered list", async () => {
    const summary = await salesSummary(payload, sales, now);
    const leads = Object.fromEntries(summary.leadsByStatus.map((row) => [row.key, row.count]));
    expect(leads).toEqual({ new: 2, contacted: 1, qualified: 1, converted: 0, lost: 0 });
    expect(summary.leadsTotal).toBe(4);
    const stages = Object.fromEntries(summary.ordersByStage.map((row) => [row.key, row.count]));
    expect(stages).toMatchObject({
      submitted: 0,
      preliminary_review: 1,
      sms_verification: 1,
      bureau_review: 1,
      rejected: 1,
      cancelled: 1,
    });
    expect(summary.ordersTotal).toBe(5);

    const sms = summary.ordersByStage.find((row) => row.key === "sms_verification");
    expect(sms?.label).toBe("短信核验");
    expect(sms?.href).toBe("/admin/collections/orders?where[status][equals]=sms_verification");
    expect(summary.leadsByStatus[0]?.label).toBe("新线索");
    for (const row of [...summary.leadsByStatus, ...summary.ordersByStage]) {
      expect(await countThrough(row.href)).toBe(row.count);
    }
  });

  it("counts per partner, with leads and orders that came without one", async () => {
    const summary = await salesSummary(payload, sales, now);
    const byKey = Object.fromEntries(
      summary.byPartner.map((row) => [row.partner?.key ?? "(none)", row]),
    );
    expect(byKey.yunfan).toMatchObject({ leads: 2, orders: 2, openOrders: 1 });
    expect(byKey.direct).toMatchObject({ leads: 1, orders: 1, openOrders: 1 });
    expect(byKey["(none)"]).toMatchObject({ leads: 1, orders: 2, openOrders: 1 });
    // Partners with nothing are left out; the busiest comes first.
    expect(summary.byPartner.map((row) => row.partner?.key ?? "(none)")).toEqual([
      "yunfan",
      "(none)",
      "direct",
    ]);
    for (const row of summary.byPartner) {
      expect(await countThrough(row.leadsHref)).toBe(row.leads);
      expect(await countThrough(row.ordersHref)).toBe(row.orders);
    }
  });

  it("lists open orders past their deadline, oldest deadline first, never terminal ones", async () => {
    const summary = await salesSummary(payload, sales, now);
    expect(summary.overdueOrders.map((row) => row.orderNo)).toEqual(["B-TEST-BBBB", "B-TEST-AAAA"]);
    expect(summary.overdueOrdersTotal).toBe(2);
    expect(summary.overdueOrders[0]).toMatchObject({
      stage: "preliminary_review",
      stageLabel: "初步审核",
      contactName: "联系人BBBB",
      href: `/admin/collections/orders/${orderIds.BBBB}`,
    });
    expect(summary.overdueOrdersHref).toContain(
      `where[or][0][and][0][stageDeadline][less_than]=${encodeURIComponent(now.toISOString())}`,
    );
    expect(summary.overdueOrdersHref).toContain("sort=stageDeadline");
    expect(await countThrough(summary.overdueOrdersHref)).toBe(2);

    // Six days on the bureau review is late too; the rejected order never counts.
    const later = await salesSummary(payload, sales, new Date(now.getTime() + 6 * DAY));
    expect(later.overdueOrders.map((row) => row.orderNo)).toEqual([
      "B-TEST-BBBB",
      "B-TEST-AAAA",
      "B-TEST-CCCC",
    ]);
  });

  it("lists leads still new after a working day, oldest first", async () => {
    expect((await salesSummary(payload, sales, now)).staleLeads).toEqual([]);
    const nextWeek = new Date(now.getTime() + 7 * DAY);
    const summary = await salesSummary(payload, sales, nextWeek);
    expect(summary.staleLeads.map((row) => row.reference)).toEqual(["L-NEW001", "L-NEW002"]);
    expect(summary.staleLeadsTotal).toBe(2);
    expect(summary.staleLeads[0]?.href).toMatch(/^\/admin\/collections\/leads\/\d+$/);
    expect(await countThrough(summary.staleLeadsHref)).toBeGreaterThanOrEqual(2);
  });

  it("refuses editors and anonymous callers", async () => {
    await expect(salesSummary(payload, editor, now)).rejects.toThrow();
    await expect(salesSummary(payload, null, now)).rejects.toThrow();
    const admin = await userWith("admin");
    await expect(salesSummary(payload, admin, now)).resolves.toMatchObject({ leadsTotal: 4 });
  });

  it("takes an order off the overdue list once sales records its police filing as done", async () => {
    await order("FFFF", "police_filing", new Date(now.getTime() - HOUR), null);
    const before = await salesSummary(payload, sales, now);
    expect(before.overdueOrders.map((row) => row.orderNo)).toContain("B-TEST-FFFF");
    const none = (summary: typeof before) =>
      summary.byPartner.find((row) => row.partner === null)?.openOrders;
    expect(none(before)).toBe(2);

    salesToken ??= await server.login(DEV_LOGINS.sales.email, DEV_LOGINS.sales.password);
    const done = await fetch(`${server.url}/api/orders/${orderIds.FFFF}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${salesToken}` },
      body: JSON.stringify({ policeFiledAt: new Date(now.getTime() - 2 * HOUR).toISOString() }),
    });
    expect(done.status).toBe(200);

    const after = await salesSummary(payload, sales, now);
    expect(after.overdueOrders.map((row) => row.orderNo)).toEqual(["B-TEST-BBBB", "B-TEST-AAAA"]);
    expect(await countThrough(after.overdueOrdersHref)).toBe(2);
    expect(none(after)).toBe(1);
  });
});

describe("suspected spam on the dashboard", () => {
  it("counts none of it anywhere, and says how much waits under 可疑提交, linked", async () => {
    const before = await salesSummary(payload, sales, now);
    expect(before.suspected).toMatchObject({ leads: 0, orders: 0 });
    await payload.create({
      collection: "leads",
      data: {
        reference: "L-SPAM01",
        name: "机器人",
        phone: "13800138000",
        status: "new",
        partner: partners.yunfan ?? null,
        suspectedSpam: "honeypot",
      },
    });
    await order("SPAM", "preliminary_review", new Date(now.getTime() - DAY), null);
    await payload.update({
      collection: "orders",
      id: orderIds.SPAM as number,
      data: { suspectedSpam: "flood" },
    });

    const after = await salesSummary(payload, sales, new Date(now.getTime() + 7 * DAY));
    expect(after.leadsTotal).toBe(before.leadsTotal);
    expect(after.ordersTotal).toBe(before.ordersTotal);
    expect(after.byPartner.find((row) => row.partner?.key === "yunfan")?.leads).toBe(
      before.byPartner.find((row) => row.partner?.key === "yunfan")?.leads,
    );
    expect(after.staleLeads.map((row) => row.reference)).not.toContain("L-SPAM01");
    expect(after.overdueOrders.map((row) => row.orderNo)).not.toContain("B-TEST-SPAM");
    expect(after.suspected).toEqual({
      leads: 1,
      orders: 1,
      leadsHref: "/admin/collections/leads?where[suspectedSpam][exists]=true",
      ordersHref: "/admin/collections/orders?where[suspectedSpam][exists]=true",
    });
    expect(await countThrough(after.suspected.leadsHref)).toBe(1);
    expect(await countThrough(after.suspected.ordersHref)).toBe(1);
  });
});

describe("newLeadCutoff", () => {
  it("is the last creation time whose working-day deadline has passed", () => {
    for (const iso of [
      "2026-03-02T03:00:00.000Z", // Monday 11:00 in China
      "2026-03-07T03:00:00.000Z", // Saturday
      "2026-03-08T20:00:00.000Z", // Monday 04:00 in China
      "2026-03-04T10:30:00.000Z", // Wednesday evening
    ]) {
      const now = new Date(iso);
      const cutoff = newLeadCutoff(now);
      expect(addWorkingDays(cutoff, 1).getTime()).toBeLessThanOrEqual(now.getTime());
      expect(addWorkingDays(new Date(cutoff.getTime() + 1), 1).getTime()).toBeGreaterThan(
        now.getTime(),
      );
    }
    // Saturday noon: Thursday's leads are overdue, Friday's wait until Monday.
    const saturday = newLeadCutoff(new Date("2026-03-07T04:00:00.000Z"));
    expect(saturday.toISOString()).toBe("2026-03-05T15:59:59.999Z"); // Thursday 23:59:59.999 China
  });
});
