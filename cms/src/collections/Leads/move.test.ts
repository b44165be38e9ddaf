/**
 * A lead's actions over HTTP as sales (POST /api/leads/:id/move), on a real SQLite database: the
 * allowed moves, refusals in Chinese naming the statuses, the reason a lost lead needs, and the
 * history each move writes.
 */
import type { Payload } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../../devLogins.ts";
import { startSeededServer, type TTestServer } from "../../testing/server.ts";

let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  let t: { payload: Payload };
  ({ t, server, close } = await startSeededServer());
  payload = t.payload;
  for (const [role, { email, password }] of Object.entries(DEV_LOGINS)) {
    tokens[role] = await server.login(email, password);
  }
});

afterAll(() => close?.());

let counter = 0;
async function newLead(): Promise<number> {
  counter += 1;
  const lead = await payload.create({
    collection: "leads",
    data: { reference: `L-MOVE${counter}`, name: "测试", phone: "13800138000", status: "new" },
  });
  return lead.id;
}

async function move(
  id: number | string,
  body: unknown,
  role: string | null = "sales",
  language = "zh-CN",
) {
  const response = await fetch(`${server.url}/api/leads/${id}/move`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept-Language": language,
      ...(role ? { Authorization: `JWT ${tokens[role]}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const read = (id: number) => payload.findByID({ collection: "leads", id, depth: 0 });

describe("lead actions", () => {
  it("moves new → contacted → qualified, recording each move", async () => {
    const id = await newLead();
    expect((await move(id, { to: "contacted" })).status).toBe(200);
    const moved = await move(id, { to: "qualified" });
    expect(moved.status).toBe(200);
    expect(moved.body.lead).toMatchObject({ id, status: "qualified" });
    const lead = await read(id);
    expect(lead.statusHistory?.map((row) => [row.from, row.to])).toEqual([
      [null, "new"],
      ["new", "contacted"],
      ["contacted", "qualified"],
    ]);
  });

  it("refuses a move the lead's actions do not offer, naming the statuses", async () => {
    const id = await newLead();
    await move(id, { to: "qualified" });
    const back = await move(id, { to: "contacted" });
    expect(back.status).toBe(400);
    expect(back.body.error).toMatchObject({
      code: "validation_failed",
      message: "线索不能从「有意向」改为「已联系」;可选:「已流失」",
      fields: { status: "线索不能从「有意向」改为「已联系」;可选:「已流失」" },
    });
    const english = await move(id, { to: "contacted" }, "sales", "en");
    expect(english.body.error.message).toBe(
      'A lead that is "Qualified" cannot become "Contacted"; it can become "Lost"',
    );
    // The same rule holds for Payload's own REST API.
    const patched = await fetch(`${server.url}/api/leads/${id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Authorization: `JWT ${tokens.sales}` },
      body: JSON.stringify({ status: "new" }),
    });
    expect(patched.status).toBe(400);
    expect((await read(id)).status).toBe("qualified");
  });

  it("marks a lead lost only with its reason, and works it again later", async () => {
    const id = await newLead();
    const bare = await move(id, { to: "lost" });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual({ lostReason: "请填写流失原因" });
    const lost = await move(id, { to: "lost", lostReason: "已找其他服务商" });
    expect(lost.status).toBe(200);
    expect(await read(id)).toMatchObject({ status: "lost", lostReason: "已找其他服务商" });
    expect((await move(id, { to: "contacted" })).status).toBe(200);
  });

  it("leaves converted to the conversion, and answers strangers in the contract's shape", async () => {
    const id = await newLead();
    const converted = await move(id, { to: "converted" });
    expect(converted.status).toBe(400);
    expect(converted.body.error.fields).toEqual({ to: "请选择要进行的操作" });
    expect((await move(id, { to: "contacted" }, null)).status).toBe(401);
    expect((await move(id, { to: "contacted" }, "editor")).status).toBe(403);
    expect((await move(999_999, { to: "contacted" })).status).toBe(404);
    expect((await move(id, { to: "new" })).status).toBe(400);
    expect((await read(id)).status).toBe("new");
  });
});
