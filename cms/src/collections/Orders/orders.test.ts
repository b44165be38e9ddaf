/**
 * Working an order over HTTP as sales, on a real SQLite database: the stage actions
 * (POST /api/orders/:id/move: allowed moves, refusals in Chinese naming the stages, rejection
 * reasons from the lists, the ICP number), what sales may write through Payload's REST API
 * (payment, notes, police filing done) and what only the server writes (stage, deadlines, note
 * authors and times), and no edit locks on sales records.
 */
import { PIPELINE_STAGE_KEYS } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import { acceptRequiredDocuments } from "../../testing/documents.ts";
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

async function api(
  method: string,
  path: string,
  role: string | null,
  body?: unknown,
  language = "zh-CN",
) {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      "Accept-Language": language,
      ...(role ? { Authorization: `JWT ${tokens[role]}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** A stage action, as the order's sidebar sends it. */
const move = (
  id: number | string,
  body: unknown,
  role: string | null = "sales",
  language?: string,
) => api("POST", `/orders/${id}/move`, role, body, language);

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

const ICP_NUMBER = "粤ICP备2026012345号-1X";

async function moveTo(id: number, stages: string[]) {
  for (const to of stages) {
    // Sales accept the documents before the order leaves 初步审核 (materials/gate.ts).
    if (to === "platform_review") await acceptRequiredDocuments(payload, t.env, id);
    const extra = to === "filed" ? { icpNumber: ICP_NUMBER } : {};
    const moved = await move(id, { to, ...extra });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  }
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

describe("stage actions (POST /api/orders/:id/move)", () => {
  it("moves an order one allowed step, recording who, when and the note", async () => {
    const id = await newOrder();
    const moved = await move(id, { to: "preliminary_review", note: "资料齐全" });
    expect(moved.status).toBe(200);
    expect(moved.body.order).toMatchObject({ id, status: "preliminary_review" });
    const order = await read(id);
    expect(order.status).toBe("preliminary_review");
    expect(order.stageNote ?? null).toBeNull();
    expect(order.stageHistory?.at(-1)).toMatchObject({
      stage: "preliminary_review",
      by: ids.sales,
      note: "资料齐全",
    });
  });

  it("refuses a jump in Chinese (English when asked), naming the stages by name", async () => {
    const id = await newOrder();
    const jump = await move(id, { to: "bureau_review" });
    expect(jump.status).toBe(400);
    expect(jump.body.error).toEqual({
      code: "validation_failed",
      message: "不能从「已提交」改为「管局审核」;可选:「初步审核」、「已驳回」、「已取消」",
      fields: {
        status: "不能从「已提交」改为「管局审核」;可选:「初步审核」、「已驳回」、「已取消」",
      },
    });
    const english = await move(id, { to: "filed", icpNumber: ICP_NUMBER }, "sales", "en");
    expect(english.status).toBe(400);
    expect(english.body.error.message).toBe(
      'An order in "Submitted" cannot move to "Filed"; it can move to "Preliminary review", "Rejected", "Cancelled"',
    );
    const same = await move(id, { to: "submitted" });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe("订单已处于「已提交」");
    expect((await read(id)).status).toBe("submitted");

    await moveTo(id, ["cancelled"]);
    const closed = await move(id, { to: "submitted" });
    expect(closed.body.error.message).toMatch(/^不能从「已取消」改为「已提交」;该订单已结束/);
  });

  it("answers a bad request, a stranger and an unknown order in the contract's shape", async () => {
    const id = await newOrder();
    const unknownStage = await move(id, { to: "shipped" });
    expect(unknownStage.status).toBe(400);
    expect(unknownStage.body.error.fields).toEqual({ to: "请选择要进行的操作" });
    const longNote = await move(id, { to: "preliminary_review", note: "备".repeat(501) });
    expect(longNote.status).toBe(400);
    expect(longNote.body.error.fields).toEqual({ note: "说明最多 500 字" });
    expect((await move(id, "{not json")).status).toBe(400);
    expect((await move(id, { to: "preliminary_review" }, null)).status).toBe(401);
    expect((await move(id, { to: "preliminary_review" }, "editor")).status).toBe(403);
    expect((await move(999_999, { to: "preliminary_review" })).status).toBe(404);
    expect((await move("abc", { to: "preliminary_review" })).status).toBe(404);
    expect((await read(id)).status).toBe("submitted");
  });

  it("is the only way to change the stage: REST writes of status, reasons and ICP number are dropped", async () => {
    const id = await newOrder();
    const response = await patch(id, {
      status: "preliminary_review",
      rejection: [{ field: "主体名称", reason: "随便写" }],
      icpNumber: ICP_NUMBER,
    });
    expect(response.status).toBe(200);
    expect(await read(id)).toMatchObject({ status: "submitted", rejection: [] });
    expect((await read(id)).icpNumber ?? null).toBeNull();
  });
});

describe("rejected: reasons chosen from the lists", () => {
  it("refuses to reject without a reason, or with an item or reason not on the lists", async () => {
    const id = await newOrder();
    for (const rejection of [undefined, []]) {
      const response = await move(id, { to: "rejected", ...(rejection ? { rejection } : {}) });
      expect(response.status).toBe(400);
      expect(response.body.error.fields.rejection).toBe("驳回时请至少填写一条驳回原因(字段和原因)");
    }
    const typed = await move(id, {
      to: "rejected",
      rejection: [
        { field: "主体名称", reason: "documents_invalid" },
        { field: "entity_documents" },
      ],
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error.fields).toEqual({
      "rejection.0.field": "请从列表中选择被驳回的项目",
      "rejection.1.reason": "请从列表中选择驳回原因",
    });
    expect((await read(id)).status).toBe("submitted");
  });

  it("stores the chosen words; resubmitting clears them and keeps them in the stage history", async () => {
    const id = await newOrder();
    const rejected = await move(id, {
      to: "rejected",
      rejection: [
        { field: "entity_documents", reason: "documents_invalid", note: "请上传最新营业执照" },
        { field: "contact_phone", reason: "phone_unreachable" },
      ],
    });
    expect(rejected.status).toBe(200);
    expect(
      (await read(id)).rejection?.map(({ field, reason, suggestion }) => [
        field,
        reason,
        suggestion,
      ]),
    ).toEqual([
      ["主体证件", "证件电子版不合格(须为最新证件的原件照片或彩色扫描件)", "请上传最新营业执照"],
      // Without a note, the reason's fix (orders/rejectionReasons.ts).
      [
        "联系电话",
        "联系电话未接通",
        "请保持备案信息中的联系电话畅通并注意接听审核来电,然后重新提交",
      ],
    ]);
    // Sales cannot remove them through REST while the order stays rejected.
    expect((await patch(id, { rejection: [] })).status).toBe(200);
    expect((await read(id)).rejection).toHaveLength(2);

    expect((await move(id, { to: "submitted", note: "客户已修改" })).status).toBe(200);
    const order = await read(id);
    expect(order.rejection ?? []).toEqual([]);
    expect(order.stageHistory?.at(-1)).toMatchObject({
      stage: "submitted",
      by: ids.sales,
      note: expect.stringMatching(
        /^客户已修改 \| 上次驳回原因:主体证件:证件电子版不合格.*\(请上传最新营业执照\);联系电话:联系电话未接通\(请保持.*重新提交\)$/,
      ),
    });
  });
});

describe("filed: with the ICP number", () => {
  it("needs the number, in its form, and keeps it without spaces", async () => {
    const id = await newOrder();
    await moveTo(id, [
      "preliminary_review",
      "platform_review",
      "sms_verification",
      "bureau_review",
    ]);
    const missing = await move(id, { to: "filed" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ icpNumber: "备案成功时请录入管局下发的备案号" });
    for (const icpNumber of ["ICP备2026012345号", "粤ICP证2026012345号", "粤ICP备12号-1X", "x"]) {
      const wrong = await move(id, { to: "filed", icpNumber });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields.icpNumber).toBe(
        "备案号格式不正确,应如 粤ICP备2026012345号-1X",
      );
    }
    expect((await read(id)).status).toBe("bureau_review");

    const filed = await move(id, { to: "filed", icpNumber: " 粤ICP备 2026012345号-1X " });
    expect(filed.status).toBe(200);
    expect(await read(id)).toMatchObject({ status: "filed", icpNumber: ICP_NUMBER });
    for (const ok of ["京ICP备05012345号", "沪ICP备2026000001号-3", "浙ICP备2026000002号-12X"]) {
      const other = await newOrder();
      await moveTo(other, [
        "preliminary_review",
        "platform_review",
        "sms_verification",
        "bureau_review",
      ]);
      expect((await move(other, { to: "filed", icpNumber: ok })).status).toBe(200);
    }
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
