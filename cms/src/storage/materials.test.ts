/**
 * With S3_* set, a customer's uploaded document is an object in the bucket, sealed (not the
 * document's bytes, nor containing them), nothing in MATERIALS_DIR; its owner reads it back through
 * /api/public/customer/materials/{id}; Payload's own file route still refuses it; a replacement
 * in the same slot deletes the old object, and deleting the order deletes the rest.
 */
import { createLocalReq } from "payload";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSession, SESSION_COOKIE } from "../customers/sessions.ts";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";
import { objectKey } from "./objectStorage.ts";
import { filesIn } from "./testing/files.ts";
import { startLocalObjectStore, type TLocalObjectStore } from "./testing/localObjectStore.ts";

const SITE = "http://site.test";
const LICENCE = "个体户营业执照";

let store: TLocalObjectStore;
let seeded: TSeededServer;

beforeAll(async () => {
  store = await startLocalObjectStore();
  seeded = await startSeededServer({ ...store.env, SITE_URL: SITE, TRUST_PROXY: "true" });
});

afterAll(async () => {
  await seeded?.close();
  await store?.close();
});

/** A customer with an order, signed in. */
async function customerWithOrder() {
  const phone = "13600009901";
  const { id, orderNo } = await seeded.server.submit("orders", {
    filingType: "individual-business",
    contact: { name: "客户", phone, email: "s3-customer@example.com" },
    entity: { name: "某某", province: "beijing" },
    consent: { privacy: true },
    elapsedMs: 8_000,
  });
  const { token } = await openSession(await createLocalReq({}, seeded.t.payload), phone);
  return { id, orderNo, cookie: `${SESSION_COOKIE}=${token}` };
}

async function uploadPdf(orderNo: string, cookie: string, pdf: Buffer): Promise<string> {
  const form = new FormData();
  form.set("item", LICENCE);
  form.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "licence.pdf");
  const response = await fetch(
    `${seeded.server.url}/api/public/customer/orders/${encodeURIComponent(orderNo)}/materials`,
    { method: "POST", headers: { Cookie: cookie, Origin: SITE }, body: form },
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A small PDF carrying `text`, so two of them differ and the text can be looked for. */
function pdfSaying(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

it("keeps a customer's document sealed in the bucket, serves it to its owner, and deletes it with its order", async () => {
  const { payload } = seeded.t;
  const order = await customerWithOrder();
  const { orderNo, cookie } = order;
  const pdf = pdfSaying("营业执照 S3");
  const id = await uploadPdf(orderNo, cookie, pdf);
  const material = await payload.findByID({ collection: "materials", id });
  const key = objectKey("materials", material.filename ?? "");

  expect(await store.keys("materials/")).toEqual([key]);
  const stored = (await store.bytes(key)) ?? Buffer.alloc(0);
  expect(stored.subarray(0, 4).toString()).toBe("BCM1");
  expect(stored.includes(pdf.subarray(0, 64))).toBe(false);
  expect(await filesIn(seeded.t.env.MATERIALS_DIR)).toEqual([]);

  const mine = await fetch(`${seeded.server.url}/api/public/customer/materials/${id}`, {
    headers: { Cookie: cookie },
  });
  expect(mine.status).toBe(200);
  expect(Buffer.from(await mine.arrayBuffer())).toEqual(pdf);
  const direct = await fetch(`${seeded.server.url}/api/materials/file/${material.filename}`);
  expect(direct.status).toBe(403);

  // A new upload for the same slot replaces the document, and its object.
  const newer = await uploadPdf(orderNo, cookie, pdfSaying("营业执照 第二版"));
  const replacement = await payload.findByID({ collection: "materials", id: newer });
  expect(await store.keys("materials/")).toEqual([
    objectKey("materials", replacement.filename ?? ""),
  ]);

  // Deleting the order (as retention and an erasure do) deletes its documents' objects.
  await payload.delete({ collection: "orders", id: order.id });
  expect(await store.keys("materials/")).toEqual([]);
});
