/**
 * Working an order over Payload's REST API as sales, on a real SQLite database: what sales may
 * write (stage, payment, notes, police filing done) and what only the server writes (deadlines,
 * note authors and times), rejection reasons, and no edit locks on sales records.
 */
import { PIPELINE_STAGE_KEYS } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import type { TTestPayload } from "../../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};

const SALES2 = { email: "sales2@example.com", password: "beian-sales2-dev-2026" };

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  payload = t.payload;
  await payload.create({
    collection: "users",
    data: { ...SALES2, role: "sales" },
  });
  const logins = { ...DEV_LOGINS, sales2: SALES2 };
  for (const [role, { email, password }] of Object.entries(logins)) {
    tokens[role] = await server.login(email, password);
    const { docs } = await payload.find({
      collection: "users",
      where: { email: { equals: email } },
    });
    ids[role] = docs[0]?.id as number;
  }
});

afterAll(() => close?.());

let counter = 0;
async function newOrder(): Promise<number> {
  counter += 1;
  const order = await payload.create({
    collection: "orders",
    data: {
      orderNo: `B-TEST-${String(counter).padStart(4, "0")}`,
      filingType: "personal",
      contact: { name: "测试客户", phone: "13900139000" },
      entity: { province: "guangdong" },
      status: "submitted",
    },
  });
  return order.id as number;
}

async function api(method: string, path: string, role: string, body?: unknown) {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens[role]}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

const patch = (id: number, body: unknown, role = "sales") =>
  api("PATCH", `/orders/${id}?depth=0`, role, body);
const read = (id: number) => payload.findByID({ collection: "orders", id, depth: 0 });

/** `{ path: message }` of a Payload validation error answer. */
function fieldErrors(body: {
  errors?: { data?: { errors?: { path: string; message: string }[] } }[];
}) {
  return Object.fromEntries(
    (body.errors?.[0]?.data?.errors ?? []).map((error) => [error.path, error.message]),
  );
}

async function moveTo(id: number, stages: string[]) {
  for (const status of stages) expect((await patch(id, { status })).status).toBe(200);
}

/** Every move from `submitted` to the last stage, `police_filing`. */
const TO_POLICE_FILING = PIPELINE_STAGE_KEYS.slice(1);

describe("fields only the server writes", () => {
  it("sales cannot set the stage deadline; it stays the stage's own", async () => {
    const id = await newOrder();
    await moveTo(id, ["preliminary_review"]);
    const before = (await read(id)).stageDeadline;
    expect(before).toBeTruthy();
    const response = await patch(id, {
      stageDeadline: new Date(Date.now() + 300 * DAY).toISOString(),
    });
    expect(response.status).toBe(200);
    expect((await read(id)).stageDeadline).toBe(before);
  });

  it("sales still sets the payment state", async () => {
    const id = await newOrder();
    expect((await patch(id, { paymentState: "paid" })).status).toBe(200);
    expect((await read(id)).paymentState).toBe("paid");
  });

  it("a new note is the writer's, now, whatever author and time the client sends", async () => {
    const id = await newOrder();
    const response = await patch(id, {
      notes: [{ text: "客户说明天补材料", by: ids.admin, at: "2020-01-01T00:00:00.000Z" }],
    });
    expect(response.status).toBe(200);
    const note = (await read(id)).notes?.[0];
    expect(note?.by).toBe(ids.sales);
    expect(Math.abs(new Date(note?.at ?? 0).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a note's author and time never change; only its author (or an admin) edits or removes it", async () => {
    const id = await newOrder();
    await patch(id, { notes: [{ text: "第一次沟通" }] });
    const [note] = (await read(id)).notes ?? [];
    if (!note) throw new Error("no note");

    // Rewriting author and time is ignored; the author may reword the note.
    expect(
      (
        await patch(id, {
          notes: [{ id: note.id, text: "第一次沟通(已回电)", by: ids.sales2, at: "2020-01-01" }],
        })
      ).status,
    ).toBe(200);
    expect((await read(id)).notes?.[0]).toMatchObject({
      id: note.id,
      text: "第一次沟通(已回电)",
      by: ids.sales,
      at: note.at,
    });

    // A colleague adds a note of their own but neither rewrites nor removes this one.
    const edited = await patch(id, { notes: [{ id: note.id, text: "改掉别人的记录" }] }, "sales2");
    expect(edited.status).toBe(400);
    expect(fieldErrors(edited.body).notes).toMatch(/自己的跟进记录/);
    expect((await patch(id, { notes: [] }, "sales2")).status).toBe(400);
    const added = await patch(
      id,
      { notes: [{ id: note.id, text: "第一次沟通(已回电)" }, { text: "我来跟进" }] },
      "sales2",
    );
    expect(added.status).toBe(200);
    expect((await read(id)).notes?.map((row) => [row.text, row.by])).toEqual([
      ["第一次沟通(已回电)", ids.sales],
      ["我来跟进", ids.sales2],
    ]);

    // An admin may tidy up anyone's notes.
    expect((await patch(id, { notes: [{ id: note.id, text: "整理后" }] }, "admin")).status).toBe(
      200,
    );
    expect((await read(id)).notes?.map((row) => row.text)).toEqual(["整理后"]);
  });
});

describe("rejected: with reasons per field", () => {
  it("refuses to reject an order without a reason (field and reason)", async () => {
    const id = await newOrder();
    for (const rejection of [undefined, [], [{ field: "主体名称", reason: "  " }]]) {
      const response = await patch(id, { status: "rejected", ...(rejection ? { rejection } : {}) });
      expect(response.status).toBe(400);
      expect(fieldErrors(response.body).rejection).toMatch(/驳回原因/);
    }
    expect((await read(id)).status).toBe("submitted");
  });

  it("rejects with reasons; resubmitting clears them and keeps them in the stage history", async () => {
    const id = await newOrder();
    const rejected = await patch(id, {
      status: "rejected",
      rejection: [{ field: "主体名称", reason: "与营业执照不一致", suggestion: "按执照填写" }],
    });
    expect(rejected.status).toBe(200);
    expect((await read(id)).rejection).toHaveLength(1);
    // The last reason cannot be removed while the order stays rejected.
    expect((await patch(id, { rejection: [] })).status).toBe(400);

    expect((await patch(id, { status: "submitted", stageNote: "客户已修改" })).status).toBe(200);
    const order = await read(id);
    expect(order.rejection ?? []).toEqual([]);
    expect(order.stageHistory?.at(-1)).toMatchObject({
      stage: "submitted",
      by: ids.sales,
      note: "客户已修改 | 上次驳回原因:主体名称:与营业执照不一致(按执照填写)",
    });
  });
});

describe("police filing done (policeFiledAt)", () => {
  it("sales records it in the last stage: no deadline (so not overdue), and who recorded it", async () => {
    const id = await newOrder();
    const early = await patch(id, { policeFiledAt: new Date().toISOString() });
    expect(early.status).toBe(400);
    expect(fieldErrors(early.body).policeFiledAt).toMatch(/公安备案/);

    await moveTo(id, TO_POLICE_FILING);
    const open = await read(id);
    const entered = open.stageHistory?.at(-1)?.enteredAt as string;
    expect(new Date(open.stageDeadline as string).getTime()).toBe(
      new Date(entered).getTime() + 30 * DAY,
    );

    const future = await patch(id, { policeFiledAt: new Date(Date.now() + 3 * DAY).toISOString() });
    expect(future.status).toBe(400);
    expect(fieldErrors(future.body).policeFiledAt).toMatch(/将来/);

    const doneAt = new Date(Date.now() - HOUR).toISOString();
    const done = await patch(id, { policeFiledAt: doneAt, policeFiledBy: ids.admin });
    expect(done.status).toBe(200);
    expect(await read(id)).toMatchObject({
      status: "police_filing",
      policeFiledAt: doneAt,
      policeFiledBy: ids.sales,
      stageDeadline: null,
    });

    // Recorded by mistake: clearing it brings the stage's deadline back.
    expect((await patch(id, { policeFiledAt: null }, "sales2")).status).toBe(200);
    expect(await read(id)).toMatchObject({
      policeFiledAt: null,
      policeFiledBy: null,
      stageDeadline: open.stageDeadline,
    });
  });

  it("may be recorded with the move into police filing", async () => {
    const id = await newOrder();
    await moveTo(id, TO_POLICE_FILING.slice(0, -1));
    const doneAt = new Date(Date.now() - DAY).toISOString();
    expect((await patch(id, { status: "police_filing", policeFiledAt: doneAt })).status).toBe(200);
    expect(await read(id)).toMatchObject({ policeFiledAt: doneAt, stageDeadline: null });
  });
});

describe("no edit locks on sales records", () => {
  it("nobody can lock a lead, an order or an email, so editors learn nothing about them from the locks", async () => {
    const orderId = await newOrder();
    const lead = await payload.create({
      collection: "leads",
      data: { reference: "L-LOCK01", name: "锁", phone: "13800138000", status: "new" },
    });
    const email = (await payload.find({ collection: "outbox", limit: 1 })).docs[0];
    expect(email).toBeDefined();
    for (const [relationTo, value] of [
      ["orders", orderId],
      ["leads", lead.id],
      ["outbox", email?.id],
    ] as const) {
      for (const role of ["sales", "editor"]) {
        const locked = await api("POST", "/payload-locked-documents", role, {
          document: { relationTo, value },
          user: { relationTo: "users", value: ids[role] },
        });
        // The lock may be stored, but it points at nothing: these collections are not lockable.
        expect(locked.body.doc?.document ?? null).toBeNull();
      }
    }
    const seen = await api("GET", "/payload-locked-documents?depth=0&limit=100", "editor");
    expect(seen.status).toBe(200);
    const about = seen.body.docs.map(
      (doc: { document?: { relationTo?: string } | null }) => doc.document?.relationTo,
    );
    for (const slug of ["leads", "orders", "outbox"]) expect(about).not.toContain(slug);
  });
});
