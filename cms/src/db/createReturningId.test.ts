/**
 * createReturningId on real SQLite: the row it writes is the document Payload reads back under the
 * id it answers, with its array rows and checklist, and it writes in the request's transaction —
 * gone with a rollback.
 */
import { createLocalReq, type Payload } from "payload";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { createReturningId } from "./createReturningId.ts";
import { inTransaction } from "./transaction.ts";

let t: TTestPayload;
let payload: Payload;

beforeAll(async () => {
  t = await createTestPayload();
  payload = t.payload;
});
afterAll(async () => {
  await t?.close();
});

let row = 0;
const order = (orderNo: string) => ({
  orderNo,
  filingType: "personal",
  contact: { name: "孙老板", phone: "13600136000", email: "sun@example.com" },
  entity: { name: "孙记面馆", province: "zhejiang" },
  materials: ["id_card_front", "id_card_back"],
  status: "submitted",
  stageHistory: [
    {
      id: `6790a1b2c3d4e5f6a7b8c9${String(++row).padStart(2, "0")}`,
      stage: "submitted",
      at: "2026-12-02T01:00:00.000Z",
    },
  ],
  createdAt: "2026-12-02T01:00:00.000Z",
  updatedAt: "2026-12-02T01:00:00.000Z",
});

it("answers the id under which Payload reads the whole document back", async () => {
  const first = await createReturningId(
    await createLocalReq({}, payload),
    "orders",
    order("BA-ID-1"),
  );
  const second = await createReturningId(
    await createLocalReq({}, payload),
    "orders",
    order("BA-ID-2"),
  );
  expect(second).toBe(first + 1);
  const stored = await payload.findByID({ collection: "orders", id: second, depth: 0 });
  expect(stored).toMatchObject({
    orderNo: "BA-ID-2",
    contact: { name: "孙老板", phone: "13600136000" },
    materials: ["id_card_front", "id_card_back"],
    stageHistory: [{ stage: "submitted" }],
  });
});

it("writes in the request's transaction: a rollback takes the row", async () => {
  const created = await inTransaction(payload, async (req) => {
    const id = await createReturningId(req, "orders", order("BA-ID-3"));
    expect((await payload.findByID({ collection: "orders", id, depth: 0, req })).orderNo).toBe(
      "BA-ID-3",
    );
    throw Object.assign(new Error("rolled back"), { id });
  }).catch((error: { id?: number }) => error.id);
  expect(created).toBeTypeOf("number");
  const after = await payload.find({
    collection: "orders",
    where: { orderNo: { equals: "BA-ID-3" } },
  });
  expect(after.totalDocs).toBe(0);
});
