/**
 * Orders over real HTTP on a real SQLite database: the checklist by type and province, the stage
 * pipeline with its deadlines, and the customer's lookup (which tells a stranger nothing).
 */
import { PIPELINE_STAGE_KEYS } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays } from "../orders/deadlines.ts";
import type { Order } from "../payload-types.ts";
import { acceptRequiredDocuments } from "../testing/documents.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
const PARTNER_ORIGIN = "https://yunfan.example.com";
const FOREIGN_ORIGIN = "https://evil.example.net";
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let sales: { id: number | string; collection: "users"; role: string; email: string };

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({
    SITE_URL: SITE,
    TRUST_PROXY: "true",
    RATE_LIMIT_POINTS: "10",
  }));
  payload = t.payload;
  const { docs } = await payload.find({
    collection: "users",
    where: { role: { equals: "sales" } },
  });
  const user = docs[0];
  if (!user) throw new Error("no sales user seeded");
  sales = { ...user, collection: "users" };
});

afterAll(() => close?.());

const order = (extra: Record<string, unknown> = {}) => ({
  filingType: "individual-business",
  contact: { name: "孙老板", phone: "13600136000", email: "sun@example.com" },
  entity: { name: "孙记面馆", province: "zhejiang" },
  miniProgram: { name: "孙记点单", appId: "wx0123456789abcdef" },
  consent: { privacy: true },
  elapsedMs: 9_000,
  ...extra,
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.postPublic(path, body, { headers });

async function place(extra: Record<string, unknown> = {}) {
  const response = await post("orders", order(extra));
  expect(response.status).toBe(201);
  return (await response.json()) as { orderNo: string; status: string; materials: string[] };
}

/**
 * A move as the stage actions' endpoint writes it (collections/Orders/move.ts, tested there): the
 * stage fields are the endpoint's alone (field access), so with overrideAccess, as sales.
 */
const move = (orderNo: string, status: Order["status"], extra: Partial<Order> = {}) =>
  payload
    .find({ collection: "orders", where: { orderNo: { equals: orderNo } }, limit: 1 })
    .then(async ({ docs }) => {
      // Sales accept the documents before the order leaves 初步审核 (materials/gate.ts).
      if (status === "platform_review")
        await acceptRequiredDocuments(payload, t.env, docs[0]?.id as number);
      return payload.update({
        collection: "orders",
        id: docs[0]?.id as number,
        data: {
          status,
          ...(status === "filed" ? { icpNumber: "粤ICP备2026012345号-1X" } : {}),
          ...extra,
        },
        overrideAccess: true,
        user: sales,
      });
    });

describe("POST /api/public/orders", () => {
  it("answers with the order number, the first stage and the checklist for type and province", async () => {
    const created = await place();
    expect(created.orderNo).toMatch(/^B-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.status).toBe("submitted");
    expect(created.materials.slice(0, 2)).toEqual(["个体户营业执照", "法人身份证"]);
    expect(created.materials).toContain("浙江管局审核最长 30 个工作日。");
    expect(created.materials.some((item) => item.includes("按企业主体备案"))).toBe(true);

    const stored = await payload.find({
      collection: "orders",
      where: { orderNo: { equals: created.orderNo } },
    });
    expect(stored.docs[0]).toMatchObject({
      filingType: "individual-business",
      contact: { phone: "13600136000" },
      entity: { province: "zhejiang" },
      materials: created.materials,
      consent: { privacy: true, privacyUrl: `${SITE}/privacy/` },
    });
  });

  it("stores an order as Payload's create stores one from the same data, its stage, slots and emails included", async () => {
    const response = await post(
      "orders",
      order({ partner: "yunfan", note: "加急", consent: { privacy: true, sharing: true } }),
      { Origin: PARTNER_ORIGIN },
    );
    expect(response.status).toBe(201);
    const { orderNo } = (await response.json()) as { orderNo: string };
    const { docs } = await payload.find({
      collection: "orders",
      where: { orderNo: { equals: orderNo } },
      depth: 0,
    });
    const publicOrder = docs[0] as Order;
    const { id, orderNo: _n, createdAt, updatedAt: _u, emails: _e, ...data } = publicOrder;
    expect(publicOrder.stageHistory).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        stage: "submitted",
        enteredAt: expect.any(String),
        by: null,
        note: null,
      },
    ]);
    expect(Date.parse(publicOrder.stageHistory?.[0]?.enteredAt ?? "")).toBeLessThanOrEqual(
      Date.parse(createdAt),
    );
    // The same order through Payload's create, given what the endpoint gave it before it wrote
    // orders itself, with every hook, default and validation: what the endpoint now leaves to its
    // own code must come out the same.
    const { filingType, contact, entity, miniProgram, note, materials, partner, source, consent } =
      data;
    const byPayload = await payload.create({
      collection: "orders",
      data: {
        orderNo: "B-PAYL-0RD2",
        ...{ filingType, contact, entity, miniProgram, note, materials, partner, source, consent },
        status: "submitted",
      },
      overrideAccess: true,
      depth: 0,
    });
    const comparable = (doc: Order) => {
      const { id: _i, orderNo: _o, createdAt: _c, updatedAt: _up, emails: _em, ...rest } = doc;
      return {
        ...rest,
        stageHistory: rest.stageHistory?.map(({ stage, by, note }) => ({ stage, by, note })),
        stageDeadline: rest.stageDeadline?.slice(0, 10),
      };
    };
    expect(comparable(publicOrder)).toEqual(
      comparable(await payload.findByID({ collection: "orders", id: byPayload.id, depth: 0 })),
    );
    const kinds = async (order: number) =>
      (
        await payload.find({
          collection: "outbox",
          where: { order: { equals: order } },
          sort: "id",
          depth: 0,
        })
      ).docs.map((email) => email.kind);
    expect(await kinds(id)).toEqual(["order_alert", "order_confirmation"]);
    expect(await kinds(byPayload.id)).toEqual(await kinds(id));
  });

  it("adds each province's own rules: Shanghai's residence permit, companies never cross provinces", async () => {
    const shanghai = await place({ filingType: "personal", entity: { province: "shanghai" } });
    expect(shanghai.materials).toContain("上海管局要求非上海户籍的个人提供上海居住证。");
    const company = await place({
      filingType: "enterprise",
      entity: { name: "某科技公司", province: "guangdong" },
    });
    expect(company.materials).toContain("企业只能在营业执照登记地所在省份备案,不能跨省备案。");
    expect(company.materials.some((item) => item.includes("居住证"))).toBe(false);
  });

  it("lists a province's rule from the next order on once an editor publishes it", async () => {
    const rule = "浙江管局要求个体户提供经营场所照片。";
    const before = await place();
    expect(before.materials).not.toContain(rule);
    const { docs } = await payload.find({
      collection: "province-rules",
      where: { province: { equals: "zhejiang" } },
    });
    const zhejiang = docs[0];
    if (!zhejiang) throw new Error("the seed has no rule for Zhejiang");
    const notes = (zhejiang.notes ?? []).map(({ filingTypes, text }) => ({ filingTypes, text }));
    const publish = (data: object) =>
      payload.update({
        collection: "province-rules",
        id: zhejiang.id,
        data: { ...data, _status: "published" },
      });
    await publish({ notes: [...notes, { filingTypes: ["individual-business"], text: rule }] });
    try {
      expect((await place()).materials).toContain(rule);
    } finally {
      await publish({ notes });
    }
    expect((await place()).materials).not.toContain(rule);
  });

  it("400 names the missing province and a malformed AppID", async () => {
    const response = await post(
      "orders",
      order({ entity: { name: "x" }, miniProgram: { appId: "not-an-app" } }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual({
      "entity.province": "请填写此项",
      "miniProgram.appId": "格式不正确",
    });
  });

  it("CORS: the site's and the partner's origins are answered; a foreign origin is refused, 403", async () => {
    const partnered = order({ partner: "yunfan", consent: { privacy: true, sharing: true } });
    const fromPartner = await post("orders", partnered, { Origin: PARTNER_ORIGIN });
    expect(fromPartner.status).toBe(201);
    expect(fromPartner.headers.get("access-control-allow-origin")).toBe(PARTNER_ORIGIN);
    const before = (await payload.count({ collection: "orders" })).totalDocs;
    for (const body of [order(), partnered]) {
      const foreign = await post("orders", body, { Origin: FOREIGN_ORIGIN });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
      expect((await foreign.json()).error.code).toBe("origin_not_allowed");
    }
    expect((await payload.count({ collection: "orders" })).totalDocs).toBe(before);
  });

  it("a repeated Idempotency-Key gets the same order back, once", async () => {
    const before = (await payload.count({ collection: "orders" })).totalDocs;
    const key = `order-${Date.now()}`;
    const first = await (await post("orders", order(), { "Idempotency-Key": key })).json();
    const second = await (await post("orders", order(), { "Idempotency-Key": key })).json();
    expect(second).toEqual(first);
    expect((await payload.count({ collection: "orders" })).totalDocs).toBe(before + 1);
    // Another order under the same key is refused: its number is not given to whoever asks.
    const other = await post("orders", order({ note: "另一单" }), { "Idempotency-Key": key });
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("idempotency_mismatch");
    const { docs } = await payload.find({
      collection: "orders",
      where: { orderNo: { equals: first.orderNo } },
    });
    const stored = await payload.find({
      collection: "idempotency-keys",
      where: { scope: { equals: `orders:direct:${key}` } },
    });
    expect(stored.docs[0]?.document).toBe(`orders:${docs[0]?.id}`);
  });
});

describe("the order pipeline", () => {
  it("moves only along the allowed transitions, recording who and when, with each stage's deadline", async () => {
    const { orderNo } = await place();
    const reviewed = await move(orderNo, "preliminary_review", { stageNote: "电话核验通过" });
    expect(reviewed.stageHistory?.map((entry) => entry.stage)).toEqual([
      "submitted",
      "preliminary_review",
    ]);
    expect(reviewed.stageHistory?.at(-1)).toMatchObject({ note: "电话核验通过" });
    const by = reviewed.stageHistory?.at(-1)?.by;
    expect(typeof by === "object" ? by?.id : by).toBe(sales.id);

    await expect(move(orderNo, "bureau_review")).rejects.toMatchObject({ status: 400 });

    await move(orderNo, "platform_review");
    const sms = await move(orderNo, "sms_verification");
    const entered = new Date(sms.stageHistory?.at(-1)?.enteredAt ?? "");
    expect(new Date(sms.stageDeadline ?? "").getTime() - entered.getTime()).toBe(
      24 * 60 * 60 * 1000,
    );

    // Zhejiang reviews take up to 30 working days: weekends do not count.
    const bureau = await move(orderNo, "bureau_review");
    const start = new Date(bureau.stageHistory?.at(-1)?.enteredAt ?? "");
    expect(bureau.stageDeadline).toBe(addWorkingDays(start, 30).toISOString());
  });

  it("a stage's deadline edited in the CMS applies to the next order that enters the stage", async () => {
    const [stage] = (
      await payload.find({
        collection: "filing-stages",
        where: { key: { equals: "sms_verification" } },
      })
    ).docs;
    if (!stage) throw new Error("the seed has no sms_verification stage");
    const deadlineOf = async () => {
      const { orderNo } = await place();
      await move(orderNo, "preliminary_review");
      await move(orderNo, "platform_review");
      const moved = await move(orderNo, "sms_verification");
      const entered = new Date(moved.stageHistory?.at(-1)?.enteredAt ?? "").getTime();
      return new Date(moved.stageDeadline ?? "").getTime() - entered;
    };
    const HOUR_MS = 60 * 60 * 1000;
    expect(await deadlineOf()).toBe(24 * HOUR_MS);
    await payload.update({
      collection: "filing-stages",
      id: stage.id,
      data: { deadline: { amount: 48, unit: "hours" } },
    });
    try {
      expect(await deadlineOf()).toBe(48 * HOUR_MS);
    } finally {
      await payload.update({
        collection: "filing-stages",
        id: stage.id,
        data: { deadline: stage.deadline },
      });
    }
  });

  it("terminal stages end the pipeline", async () => {
    const { orderNo } = await place();
    await move(orderNo, "cancelled");
    await expect(move(orderNo, "preliminary_review")).rejects.toMatchObject({ status: 400 });
  });

  it("only sales and admins see orders", async () => {
    const { docs } = await payload.find({
      collection: "users",
      where: { role: { equals: "editor" } },
    });
    const user = docs[0];
    if (!user) throw new Error("no editor seeded");
    const editor = { ...user, collection: "users" as const };
    await expect(
      payload.find({ collection: "orders", overrideAccess: false, user: editor }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      payload.find({ collection: "orders", overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("POST /api/public/orders/lookup", () => {
  it("shows the timeline with the current deadline to whoever has the number and the phone", async () => {
    const { orderNo } = await place();
    await move(orderNo, "preliminary_review");
    await move(orderNo, "platform_review");
    await move(orderNo, "sms_verification");
    const response = await post("orders/lookup", { orderNo, phone: "+86 136 0013 6000" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      orderNo,
      filingType: "individual-business",
      status: "sms_verification",
    });
    expect(
      body.stages.map((stage: { key: string; state: string }) => `${stage.key}:${stage.state}`),
    ).toEqual([
      "submitted:done",
      "preliminary_review:done",
      "platform_review:done",
      "sms_verification:current",
      "bureau_review:pending",
      "filed:pending",
      "police_filing:pending",
    ]);
    const current = body.stages.find((stage: { state: string }) => stage.state === "current");
    expect(current).toMatchObject({
      title: "短信核验",
      deadline: expect.any(String),
      at: expect.any(String),
    });
    // What the tracking page leads with: the type's name and what to do now, from the content.
    expect(body.filingTypeName).toBe("个体户备案");
    expect(body.nextStep).toBe("收到工信部短信后 24 小时内登录 beian.miit.gov.cn 完成核验。");
    expect(body).not.toHaveProperty("icpNumber");
  });

  it("says what an editor last published for the stage and the type", async () => {
    const { orderNo } = await place();
    const read = async () =>
      (await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json()) as {
        nextStep?: string;
        filingTypeName?: string;
        stages: { key: string; title: string }[];
      };
    const before = await read();
    const [stage] = (
      await payload.find({ collection: "filing-stages", where: { key: { equals: "submitted" } } })
    ).docs;
    const [type] = (
      await payload.find({
        collection: "filing-types",
        where: { slug: { equals: "individual-business" } },
      })
    ).docs;
    if (!stage || !type)
      throw new Error("the seed has no submitted stage or individual-business type");
    const edit = (id: number, data: object, collection: "filing-stages" | "filing-types") =>
      payload.update({ collection, id, data: { ...data, _status: "published" } });
    await edit(stage.id, { title: "已提交(新)", customerAction: "请留意短信。" }, "filing-stages");
    await edit(type.id, { name: "个体工商户备案" }, "filing-types");
    try {
      const after = await read();
      expect(after.nextStep).toBe("请留意短信。");
      expect(after.filingTypeName).toBe("个体工商户备案");
      expect(after.stages[0]?.title).toBe("已提交(新)");
      expect(before.filingTypeName).toBe("个体户备案");
    } finally {
      await edit(
        stage.id,
        { title: stage.title, customerAction: stage.customerAction },
        "filing-stages",
      );
      await edit(type.id, { name: type.name }, "filing-types");
    }
  });

  it("lists the rejection reasons per field", async () => {
    const { orderNo } = await place();
    await move(orderNo, "rejected", {
      rejection: [
        { field: "负责人手机号", reason: "电话未接通", suggestion: "请保持电话畅通后重新提交" },
      ],
    });
    const body = await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json();
    expect(body.status).toBe("rejected");
    expect(body.rejectedStage).toBe("submitted");
    expect(body.rejection).toEqual([
      { field: "负责人手机号", reason: "电话未接通", suggestion: "请保持电话畅通后重新提交" },
    ]);
  });

  it("after a resubmission (rejected → submitted) the timeline starts again", async () => {
    const { orderNo } = await place();
    await move(orderNo, "preliminary_review");
    await move(orderNo, "platform_review");
    await move(orderNo, "rejected", {
      rejection: [{ field: "小程序名称", reason: "名称含敏感词", suggestion: "请更换名称" }],
    });
    const resubmitted = await move(orderNo, "submitted");
    const body = await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json();
    expect(body.status).toBe("submitted");
    expect(
      body.stages.map((stage: { key: string; state: string }) => `${stage.key}:${stage.state}`),
    ).toEqual([
      "submitted:current",
      "preliminary_review:pending",
      "platform_review:pending",
      "sms_verification:pending",
      "bureau_review:pending",
      "filed:pending",
      "police_filing:pending",
    ]);
    expect(body.stages[0].at).toBe(resubmitted.stageHistory?.at(-1)?.enteredAt);
    expect(body.stages.slice(1).every((stage: { at?: string }) => stage.at === undefined)).toBe(
      true,
    );

    await move(orderNo, "preliminary_review");
    const again = await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json();
    expect(
      again.stages.slice(0, 3).map((stage: { key: string; state: string }) => stage.state),
    ).toEqual(["done", "current", "pending"]);
    expect(again.stages[2].at).toBeUndefined();
  });

  it("shows the police filing as done once sales records it, with no deadline left", async () => {
    const { orderNo } = await place();
    for (const stage of PIPELINE_STAGE_KEYS.slice(1)) await move(orderNo, stage);
    const open = await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json();
    expect(open.stages.at(-1)).toMatchObject({ key: "police_filing", state: "current" });
    expect(open.stages.at(-1).deadline).toEqual(expect.any(String));
    expect(open.icpNumber).toBe("粤ICP备2026012345号-1X");

    await move(orderNo, "police_filing", { policeFiledAt: new Date().toISOString() });
    const done = await (await post("orders/lookup", { orderNo, phone: "13600136000" })).json();
    expect(done.status).toBe("police_filing");
    expect(done.stages.map((stage: { state: string }) => stage.state)).toEqual(
      Array(7).fill("done"),
    );
    expect(done.stages.at(-1).deadline).toBeUndefined();
  });

  it("is rate-limited per client address: 429 with Retry-After past the budget", async () => {
    const { orderNo } = await place();
    const lookup = (ip: string) =>
      post("orders/lookup", { orderNo, phone: "13600136000" }, { "X-Forwarded-For": ip });
    // RATE_LIMIT_POINTS: 10 per address per minute.
    for (let i = 0; i < 10; i++)
      expect((await lookup("10.77.0.1")).status, `lookup ${i}`).toBe(200);
    const limited = await lookup("10.77.0.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await lookup("10.77.0.2")).status).toBe(200);
  });

  it("CORS: answers the site's origin; a foreign origin gets no CORS grant, nor a preflight", async () => {
    const { orderNo } = await place();
    const body = { orderNo, phone: "13600136000" };
    const fromSite = await post("orders/lookup", body);
    expect(fromSite.headers.get("access-control-allow-origin")).toBe(SITE);
    const foreign = await post("orders/lookup", body, { Origin: FOREIGN_ORIGIN });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("vary")).toMatch(/\bOrigin\b/);
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/public/orders/lookup`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    expect((await preflight(SITE)).headers.get("access-control-allow-origin")).toBe(SITE);
    expect((await preflight(FOREIGN_ORIGIN)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("an unknown order and a wrong phone look exactly the same", async () => {
    const { orderNo } = await place();
    const wrongPhone = await post("orders/lookup", { orderNo, phone: "13900000000" });
    const unknown = await post("orders/lookup", { orderNo: "B-ZZZZ-ZZZZ", phone: "13600136000" });
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrongPhone.json()).toEqual(await unknown.json());
  });
});
