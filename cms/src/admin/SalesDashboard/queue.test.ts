/**
 * The work queue on a real SQLite database: 未分配 / 我的 / 今日新增 / 已超期 for leads and orders,
 * "today" and "overdue" counted in China time to the millisecond, and each view's list link
 * selecting through the REST API exactly the documents it counts. Also: only sales or admins can
 * be made an assignee, whichever way the assignment comes.
 */
import type { Payload, TypedUser } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import type { Lead, Order } from "../../payload-types.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";
import { chinaDayStart, countQueue, type TQueueContext, type TQueueItem } from "./queue.ts";
import { newLeadCutoff } from "./summary.ts";

const HOUR = 60 * 60 * 1000;
/** Wednesday 2026-03-04, 10:00 in China. */
const NOW = new Date("2026-03-04T02:00:00.000Z");
const TODAY_STARTS = "2026-03-03T16:00:00.000Z";

let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let me: TypedUser;
let colleague: TypedUser;
let editor: TypedUser;
let token: string;
let context: TQueueContext;
const ids: Record<string, number> = {};

async function userWith(role: string): Promise<TypedUser> {
  const { docs } = await payload.find({ collection: "users", where: { role: { equals: role } } });
  if (!docs[0]) throw new Error(`no ${role} seeded`);
  return { ...docs[0], collection: "users" } as TypedUser;
}

/** Pins the creation time the way the database holds it (Payload sets its own on create). */
async function createdAt(collection: "leads" | "orders", id: number, iso: string) {
  await payload.db.updateOne({ collection, id, data: { createdAt: iso }, returning: false });
}

async function lead(
  key: string,
  at: string,
  { status = "new", assignee = null }: { status?: Lead["status"]; assignee?: TypedUser | null },
) {
  const created = await payload.create({
    collection: "leads",
    data: {
      reference: `L-${key}`,
      name: `客户${key}`,
      phone: "13800138000",
      status,
      assignee: assignee?.id ?? null,
      ...(status === "lost" ? { lostReason: "预算不足" } : {}),
    },
  });
  ids[`L-${key}`] = created.id;
  await createdAt("leads", created.id, at);
}

async function order(
  key: string,
  at: string,
  deadline: string,
  {
    status = "preliminary_review",
    assignee = null,
  }: {
    status?: Order["status"];
    assignee?: TypedUser | null;
  },
) {
  const created = await payload.create({
    collection: "orders",
    data: {
      orderNo: `B-QUEU-${key}`,
      filingType: "personal",
      contact: { name: `联系人${key}`, phone: "13900139000" },
      entity: { province: "guangdong" },
      status,
      assignee: assignee?.id ?? null,
      ...(status === "rejected" ? { rejection: [{ field: "主体名称", reason: "不一致" }] } : {}),
    },
  });
  await payload.update({ collection: "orders", id: created.id, data: { stageDeadline: deadline } });
  ids[`B-QUEU-${key}`] = created.id;
  await createdAt("orders", created.id, at);
}

beforeAll(async () => {
  let t: Awaited<ReturnType<typeof startSeededServer>>["t"];
  ({ t, server, close } = await startSeededServer());
  payload = t.payload;
  me = await userWith("sales");
  editor = await userWith("editor");
  const other = await payload.create({
    collection: "users",
    data: { email: "colleague@agency.test", password: "colleague-2026", role: "sales" },
  });
  colleague = { ...other, collection: "users" } as TypedUser;
  token = await server.login(DEV_LOGINS.sales.email, DEV_LOGINS.sales.password);
  context = { userId: me.id, now: NOW, newLeadCutoff: newLeadCutoff(NOW) };

  // Today began at 00:00 China time (16:00 UTC the day before).
  await lead("TODAY0", TODAY_STARTS, {});
  await lead("LATEYD", "2026-03-03T15:59:59.999Z", {}); // 23:59:59.999 yesterday
  await lead("MONDAY", "2026-03-02T01:00:00.000Z", {}); // Monday 09:00: past a working day
  await lead("MINE01", "2026-03-04T01:00:00.000Z", { status: "contacted", assignee: me });
  await lead("OTHERS", "2026-03-04T01:30:00.000Z", { assignee: colleague });
  await lead("LOST01", "2026-03-04T01:40:00.000Z", { status: "lost" });
  await order("LATE", "2026-03-01T02:00:00.000Z", "2026-03-04T01:59:59.999Z", {});
  await order("DUE1", TODAY_STARTS, "2026-03-04T02:00:00.000Z", { assignee: me });
  await order("REJD", "2026-03-02T02:00:00.000Z", "2026-03-03T02:00:00.000Z", {
    status: "rejected",
  });
});

afterAll(() => close?.());

/** What the admin list behind a link shows, through the REST API as the salesperson. */
async function listThrough(href: string): Promise<string[]> {
  const [path = "", query = ""] = href.split("?");
  const collection = path.split("/").pop();
  const response = await fetch(`${server.url}/api/${collection}?${query}&limit=100&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { docs: { reference?: string; orderNo?: string }[] };
  return body.docs.map((doc) => doc.reference ?? doc.orderNo ?? "").sort();
}

function view(items: TQueueItem[], name: string): TQueueItem {
  const found = items.find((item) => item.view === name);
  if (!found) throw new Error(`no ${name} view`);
  return found;
}

describe("chinaDayStart", () => {
  it("is 00:00 China time of the day an instant falls on", () => {
    expect(chinaDayStart(NOW).toISOString()).toBe(TODAY_STARTS);
    expect(chinaDayStart(new Date(TODAY_STARTS)).toISOString()).toBe(TODAY_STARTS);
    expect(chinaDayStart(new Date("2026-03-03T15:59:59.999Z")).toISOString()).toBe(
      "2026-03-02T16:00:00.000Z",
    );
  });
});

describe("the work queue", () => {
  it("shows leads unassigned, mine, new today and overdue, each link listing exactly those", async () => {
    const queue = await countQueue(payload, me, "leads", context);
    expect(queue.map((item) => item.label)).toEqual(["未分配", "我的", "今日新增", "已超期"]);
    const expected: Record<string, string[]> = {
      unassigned: ["L-LATEYD", "L-MONDAY", "L-TODAY0"],
      mine: ["L-MINE01"],
      today: ["L-LOST01", "L-MINE01", "L-OTHERS", "L-TODAY0"],
      overdue: ["L-MONDAY"],
    };
    for (const [name, references] of Object.entries(expected)) {
      const item = view(queue, name);
      expect(item.count, name).toBe(references.length);
      expect(await listThrough(item.href), name).toEqual(references);
    }
    expect(view(queue, "mine").href).toContain(`[assignee][equals]=${me.id}`);
  });

  it("shows orders unassigned, mine, new today and overdue (open ones past their deadline)", async () => {
    const queue = await countQueue(payload, me, "orders", context);
    const expected: Record<string, string[]> = {
      unassigned: ["B-QUEU-LATE"],
      mine: ["B-QUEU-DUE1"],
      today: ["B-QUEU-DUE1"],
      overdue: ["B-QUEU-LATE"],
    };
    for (const [name, orderNos] of Object.entries(expected)) {
      const item = view(queue, name);
      expect(item.count, name).toBe(orderNos.length);
      expect(await listThrough(item.href), name).toEqual(orderNos);
    }
    // One millisecond later the order due at 10:00 is overdue as well.
    const later = await countQueue(payload, me, "orders", {
      ...context,
      now: new Date(NOW.getTime() + 1),
    });
    expect(view(later, "overdue").count).toBe(2);
  });

  it("is the colleague's own 我的 for the colleague", async () => {
    const queue = await countQueue(payload, colleague, "leads", {
      ...context,
      userId: colleague.id,
    });
    expect(view(queue, "mine").count).toBe(1);
    // A lead may stay new for a working day: on Thursday at 10:00 every lead still new from
    // before Wednesday 10:00 is overdue (Tuesday's 23:59 one, Wednesday's 00:00 and 09:30 ones).
    const thursday = new Date(NOW.getTime() + 24 * HOUR);
    const next = await countQueue(payload, me, "leads", {
      ...context,
      now: thursday,
      newLeadCutoff: newLeadCutoff(thursday),
    });
    expect(view(next, "overdue").count).toBe(4);
    expect(view(next, "today").count).toBe(0);
  });
});

describe("who can be assigned", () => {
  async function assign(leadKey: string, assignee: number | string) {
    return fetch(`${server.url}/api/leads/${ids[leadKey]}`, {
      method: "PATCH",
      headers: {
        "Content-Type": "application/json",
        Authorization: `JWT ${token}`,
        "Accept-Language": "zh-CN",
      },
      body: JSON.stringify({ assignee }),
    });
  }

  it("takes a salesperson or an admin", async () => {
    expect((await assign("L-TODAY0", colleague.id)).status).toBe(200);
    const admin = await userWith("admin");
    expect((await assign("L-TODAY0", admin.id)).status).toBe(200);
  });

  it("refuses an editor or an unknown account with a readable 400", async () => {
    for (const assignee of [editor.id, 999_999]) {
      const response = await assign("L-LATEYD", assignee);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain("负责人须为销售或管理员");
    }
    await expect(
      payload.update({
        collection: "leads",
        id: ids["L-LATEYD"] as number,
        data: { assignee: editor.id },
      }),
    ).rejects.toThrow();
    await expect(
      payload.update({
        collection: "orders",
        id: ids["B-QUEU-LATE"] as number,
        data: { assignee: editor.id },
      }),
    ).rejects.toThrow();
    const lead = await payload.findByID({ collection: "leads", id: ids["L-LATEYD"] as number });
    expect(lead.assignee).toBeNull();
  });

  it("bulk-assigns through the REST API, as the list's 批量分配 does", async () => {
    const where = `where[id][in][0]=${ids["L-LATEYD"]}&where[id][in][1]=${ids["L-MONDAY"]}`;
    const response = await fetch(`${server.url}/api/leads?${where}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${token}` },
      body: JSON.stringify({ assignee: me.id }),
    });
    expect(response.status).toBe(200);
    const queue = await countQueue(payload, me, "leads", context);
    expect(await listThrough(view(queue, "mine").href)).toEqual([
      "L-LATEYD",
      "L-MINE01",
      "L-MONDAY",
    ]);
    const refused = await fetch(`${server.url}/api/leads?${where}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${token}` },
      body: JSON.stringify({ assignee: editor.id }),
    });
    expect(refused.status).toBe(400);
  });
});
