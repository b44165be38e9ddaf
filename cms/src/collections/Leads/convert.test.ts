/**
 * Converting a lead into an order over real HTTP on a real SQLite database: who may, what the
 * order takes from the lead, the one transaction that writes both, and the answers when it fails.
 */

import type { TRole } from "@beian/contract";
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failOperations, type TTestPayload } from "../../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";

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

/** A lead as prospects send them: through the public endpoint, via a partner. */
async function newLead(extra: Record<string, unknown> = {}): Promise<number> {
  const response = await server.postPublic("leads", {
    name: "钱经理",
    phone: "13700137000",
    email: "qian@example.com",
    company: "钱塘科技有限公司",
    filingType: "enterprise",
    message: "想尽快上线点单小程序",
    partner: "yunfan",
    consent: { privacy: true, sharing: true },
    source: { pageUrl: "https://yunfan.example/beian", utm: { source: "yunfan" } },
    elapsedMs: 9_000,
    ...extra,
  });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

function convert(id: number | string, body: unknown, role?: TRole) {
  return fetch(`${server.url}/api/leads/${id}/convert`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(role ? { Authorization: `JWT ${tokens[role]}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

const ordersOf = async (leadId: number | string) =>
  (await payload.count({ collection: "orders", where: { lead: { equals: leadId } } })).totalDocs;

describe("POST /api/leads/:id/convert", () => {
  it("creates one order from the lead's data and marks the lead converted", async () => {
    const leadId = await newLead();
    const response = await convert(
      leadId,
      { province: "zhejiang", miniProgram: { name: "钱塘点单" } },
      "sales",
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.order.orderNo).toMatch(/^B-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);

    const lead = await payload.findByID({ collection: "leads", id: leadId, depth: 0 });
    const order = await payload.findByID({ collection: "orders", id: body.order.id, depth: 0 });
    const salesUser = (
      await payload.find({ collection: "users", where: { email: { equals: "sales@example.com" } } })
    ).docs[0];
    expect(await ordersOf(leadId)).toBe(1);
    expect(order).toMatchObject({
      orderNo: body.order.orderNo,
      lead: leadId,
      filingType: "enterprise",
      contact: { name: "钱经理", phone: "13700137000", email: "qian@example.com" },
      entity: { name: "钱塘科技有限公司", province: "zhejiang" },
      miniProgram: { name: "钱塘点单" },
      note: "想尽快上线点单小程序",
      partner: lead.partner,
      source: lead.source,
      consent: lead.consent,
      status: "submitted",
      assignee: salesUser?.id,
    });
    expect(order.consent?.sharing).toBe(true);
    expect(order.materials).toEqual(
      expect.arrayContaining(["企业只能在营业执照登记地所在省份备案,不能跨省备案。"]),
    );
    expect(order.stageHistory?.[0]).toMatchObject({ stage: "submitted", by: salesUser?.id });

    expect(lead.status).toBe("converted");
    expect(lead.convertedOrder).toBe(body.order.id);
    expect(lead.statusHistory?.at(-1)).toMatchObject({
      from: "new",
      to: "converted",
      by: salesUser?.id,
    });
  });

  it("answers 409 with the existing order number the second time, and creates nothing", async () => {
    const leadId = await newLead();
    const first = await (await convert(leadId, { province: "guangdong" }, "admin")).json();
    const again = await convert(leadId, { province: "beijing" }, "sales");
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({
      code: "already_converted",
      order: { id: first.order.id, orderNo: first.order.orderNo },
    });
    expect(await ordersOf(leadId)).toBe(1);
  });

  it("400 names each bad field, in the caller's language, and stores nothing", async () => {
    const leadId = await newLead();
    const response = await convert(
      leadId,
      { province: "atlantis", filingType: "castle", miniProgram: { appId: "nope" } },
      "sales",
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(
      ["filingType", "miniProgram.appId", "province"].sort(),
    );
    expect(error.fields.filingType).toBe("请选择有效的备案类型");

    const english = await fetch(`${server.url}/api/leads/${leadId}/convert`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Accept-Language": "en",
        Authorization: `JWT ${tokens.sales}`,
      },
      body: JSON.stringify({}),
    });
    expect(english.status).toBe(400);
    expect((await english.json()).error.fields.province).toBe("This field is required");

    expect((await convert(leadId, "not an object", "sales")).status).toBe(400);
    const notJson = await fetch(`${server.url}/api/leads/${leadId}/convert`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect(await ordersOf(leadId)).toBe(0);
    expect((await payload.findByID({ collection: "leads", id: leadId })).status).toBe("new");
  });

  it("asks for a filing type when the lead has none", async () => {
    const leadId = await newLead({ filingType: "" });
    const response = await convert(leadId, { province: "shanghai" }, "sales");
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(["filingType"]);
    const typed = await convert(leadId, { province: "shanghai", filingType: "personal" }, "sales");
    expect(typed.status).toBe(201);
  });

  it("refuses anonymous callers (401) and editors (403); unknown leads are 404", async () => {
    const leadId = await newLead();
    expect((await convert(leadId, { province: "zhejiang" })).status).toBe(401);
    expect((await convert(leadId, { province: "zhejiang" }, "editor")).status).toBe(403);
    expect((await convert(999_999, { province: "zhejiang" }, "sales")).status).toBe(404);
    expect((await convert("abc", { province: "zhejiang" }, "sales")).status).toBe(404);
    expect(await ordersOf(leadId)).toBe(0);
  });

  it("writes the order and the lead in one transaction: a failed lead update leaves no order", async () => {
    const leadId = await newLead();
    const undo = failOperations(payload, "leads", ["update"], () => new Error("disk full"));
    const before = (await payload.count({ collection: "orders" })).totalDocs;
    try {
      const response = await convert(leadId, { province: "zhejiang" }, "sales");
      expect(response.status).toBe(500);
      expect((await response.json()).error.code).toBe("internal_error");
    } finally {
      undo();
    }
    expect((await payload.count({ collection: "orders" })).totalDocs).toBe(before);
    expect((await payload.findByID({ collection: "leads", id: leadId })).status).toBe("new");
    // And the lead can still be converted afterwards.
    expect((await convert(leadId, { province: "zhejiang" }, "sales")).status).toBe(201);
  });

  it("keeps the links read-only: sales cannot point a lead or an order elsewhere", async () => {
    const leadId = await newLead();
    const { order } = await (await convert(leadId, { province: "hubei" }, "sales")).json();
    const other = await newLead();
    const patch = await fetch(`${server.url}/api/leads/${other}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
      body: JSON.stringify({ convertedOrder: order.id }),
    });
    expect(patch.status).toBe(200);
    expect(
      (await payload.findByID({ collection: "leads", id: other })).convertedOrder ?? null,
    ).toBe(null);
    const orderPatch = await fetch(`${server.url}/api/orders/${order.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.admin}` },
      body: JSON.stringify({ lead: other }),
    });
    expect(orderPatch.status).toBe(200);
    expect((await payload.findByID({ collection: "orders", id: order.id, depth: 0 })).lead).toBe(
      leadId,
    );
  });

  it("only the conversion marks a lead converted: not sales nor an admin by hand", async () => {
    const leadId = await newLead();
    for (const role of ["sales", "admin"] as const) {
      const response = await fetch(`${server.url}/api/leads/${leadId}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens[role]}` },
        body: JSON.stringify({ status: "converted" }),
      });
      expect(response.status).toBe(400);
      const { errors } = await response.json();
      expect(errors[0].data.errors[0]).toMatchObject({
        path: "status",
        message: expect.stringContaining("转为订单"),
      });
    }
    expect((await payload.findByID({ collection: "leads", id: leadId })).status).toBe("new");

    // Converted for real, it stays converted while its order exists.
    expect((await convert(leadId, { province: "hunan" }, "sales")).status).toBe(201);
    const back = await fetch(`${server.url}/api/leads/${leadId}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
      body: JSON.stringify({ status: "qualified" }),
    });
    expect(back.status).toBe(400);
    expect((await payload.findByID({ collection: "leads", id: leadId })).status).toBe("converted");
  });
});

describe("deleting the order a lead became", () => {
  it("returns the lead to qualified, unlinked, so it can be worked and expire like any other", async () => {
    const leadId = await newLead();
    const converted = await (await convert(leadId, { province: "beijing" }, "sales")).json();
    const deleted = await fetch(`${server.url}/api/orders/${converted.order.id}`, {
      method: "DELETE",
      headers: { Authorization: `JWT ${tokens.admin}` },
    });
    expect(deleted.status).toBe(200);

    const lead = await payload.findByID({ collection: "leads", id: leadId, depth: 0 });
    expect(lead).toMatchObject({ status: "qualified", convertedOrder: null });
    expect(lead.statusHistory?.at(-1)).toMatchObject({ from: "converted", to: "qualified" });
    // Sales can work it again: a note saves.
    const noted = await fetch(`${server.url}/api/leads/${leadId}`, {
      method: "PATCH",
      headers: { Authorization: `JWT ${tokens.sales}`, "Content-Type": "application/json" },
      body: JSON.stringify({ notes: [{ text: "订单已删除,重新跟进" }] }),
    });
    expect(noted.status).toBe(200);
  });
});
