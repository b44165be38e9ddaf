/**
 * Customers' documents over real HTTP (CONTRACT §7): an upload by the signed-in owner, refused for
 * anything that is not a JPEG, PNG or PDF by content, over 10 MiB, or another customer's order;
 * photos stored re-encoded without EXIF/GPS; the bytes on disk sealed; served to the owner and to
 * staff only (each staff view recorded); reviewed by sales, a rejection told to the customer; and
 * an order kept in 初步审核 until every required document is accepted.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { MATERIAL_MAX_BYTES, type TCustomerOrders } from "@beian/contract";
import { createLocalReq, type Payload } from "payload";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, SESSION_COOKIE } from "../customers/sessions.ts";
import { DEV_LOGINS } from "../devLogins.ts";
import { enforceRetention } from "../retention/index.ts";
import type { TTestPayload } from "../testing/payload.ts";
import { startSeededServer, type TTestServer } from "../testing/server.ts";

const SITE = "http://site.test";
let t: TTestPayload;
let payload: Payload;
let server: TTestServer;
let close: () => Promise<void>;
let salesAuth: string;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer({ SITE_URL: SITE, TRUST_PROXY: "true" }));
  payload = t.payload;
  salesAuth = await staffAuth("sales");
});

afterAll(async () => {
  await close?.();
});

let serial = 0;
const newPhone = () => `1360000${String(++serial).padStart(4, "0")}`;

async function staffAuth(role: "sales" | "editor"): Promise<string> {
  return `JWT ${(await server.staffTokens())[role]}`;
}

/** A customer with an order, signed in (the sign-in itself is customers/'s tests). */
async function customerWithOrder(filingType = "individual-business") {
  const phone = newPhone();
  const placed = await server.submit("orders", {
    filingType,
    contact: { name: "客户", phone, email: `c${serial}@example.com` },
    entity: { name: "某某", province: "beijing" },
    consent: { privacy: true },
    elapsedMs: 8_000,
  });
  const { orderNo } = placed;
  const req = await createLocalReq({}, payload);
  const { token } = await openSession(req, phone);
  return { phone, orderNo, cookie: `${SESSION_COOKIE}=${token}` };
}

let clients = 0;
function upload(
  orderNo: string,
  cookie: string,
  item: string,
  file: { bytes: Buffer; name: string; type: string },
) {
  const form = new FormData();
  form.set("item", item);
  form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  clients += 1;
  return fetch(
    `${server.url}/api/public/customer/orders/${encodeURIComponent(orderNo)}/materials`,
    {
      method: "POST",
      headers: { Cookie: cookie, Origin: SITE, "X-Forwarded-For": `10.7.0.${(clients % 250) + 1}` },
      body: form,
    },
  );
}

async function ordersOf(cookie: string): Promise<TCustomerOrders> {
  const response = await fetch(`${server.url}/api/public/customer/orders`, {
    headers: { Cookie: cookie, Origin: SITE },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TCustomerOrders;
}

/** A photo with the camera's EXIF, GPS position included. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: "#c8102e" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "BeianTestCam", Model: "Phone 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 15/1 0/1" },
    })
    .toBuffer();
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const LICENCE = "个体户营业执照";
const FRONT = "法人身份证(人像面)";

describe("uploading", () => {
  it("stores a photo re-encoded without EXIF or GPS, sealed on disk, and shows it to its owner", async () => {
    const { orderNo, cookie } = await customerWithOrder();
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    const response = await upload(orderNo, cookie, FRONT, {
      bytes: photo,
      name: "id.jpg",
      type: "image/jpeg",
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; item: string; status: string };
    expect(created).toMatchObject({ item: FRONT, status: "uploaded" });

    const mine = await fetch(`${server.url}/api/public/customer/materials/${created.id}`, {
      headers: { Cookie: cookie },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/jpeg");
    expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
    expect(mine.headers.get("content-disposition")).toMatch(/^inline; filename="document-/);
    expect(mine.headers.get("cache-control")).toContain("no-store");
    const served = Buffer.from(await mine.arrayBuffer());
    const metadata = await sharp(served).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([320, 200]);
    expect(served.includes(Buffer.from("BeianTestCam"))).toBe(false);

    // On disk: one file, and it is not the document's bytes (nor does it contain them).
    const files = await readdir(t.env.MATERIALS_DIR);
    const material = await payload.findByID({ collection: "materials", id: created.id });
    expect(files).toContain(material.filename);
    const onDisk = await readFile(path.join(t.env.MATERIALS_DIR, material.filename ?? ""));
    expect(onDisk.subarray(0, 4).toString()).toBe("BCM1");
    expect(onDisk.includes(served.subarray(0, 64))).toBe(false);

    const { orders } = await ordersOf(cookie);
    const slot = orders[0]?.materials.find((state) => state.item === FRONT);
    expect(slot).toMatchObject({
      status: "uploaded",
      id: created.id,
      kind: "image",
      uploadable: true,
    });
  });

  it("takes a PDF, served to its owner as an attachment", async () => {
    const { orderNo, cookie } = await customerWithOrder();
    const response = await upload(orderNo, cookie, LICENCE, {
      bytes: PDF,
      name: "licence.pdf",
      type: "application/pdf",
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const mine = await fetch(`${server.url}/api/public/customer/materials/${id}`, {
      headers: { Cookie: cookie },
    });
    expect(mine.headers.get("content-type")).toBe("application/pdf");
    expect(mine.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("replaces the slot's document with the newer upload, the older file deleted", async () => {
    const { orderNo, cookie } = await customerWithOrder();
    const file = { bytes: PDF, name: "a.pdf", type: "application/pdf" };
    const first = (await (await upload(orderNo, cookie, LICENCE, file)).json()) as { id: string };
    const second = (await (await upload(orderNo, cookie, LICENCE, file)).json()) as { id: string };
    expect(second.id).not.toBe(first.id);
    const { totalDocs } = await payload.count({
      collection: "materials",
      where: { item: { equals: LICENCE }, id: { equals: first.id } },
    });
    expect(totalDocs).toBe(0);
    const gone = await fetch(`${server.url}/api/public/customer/materials/${first.id}`, {
      headers: { Cookie: cookie },
    });
    expect(gone.status).toBe(404);
  });

  it.each([
    [
      "an HTML file named .jpg",
      Buffer.from("<!doctype html><script>alert(1)</script>"),
      415,
      "material_type_refused",
    ],
    [
      "a file that starts like a JPEG but is not one",
      Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2, 3]),
      415,
      "material_type_refused",
    ],
    ["10 MiB and one byte", Buffer.alloc(MATERIAL_MAX_BYTES + 1, 0x25), 413, "material_too_large"],
  ] as const)("refuses %s, in the contract's shape", async (_what, bytes, status, code) => {
    const { orderNo, cookie } = await customerWithOrder();
    const response = await upload(orderNo, cookie, FRONT, {
      bytes,
      name: "photo.jpg",
      type: "image/jpeg",
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a slot the order does not have, a missing file, and a form that is not multipart", async () => {
    const { orderNo, cookie } = await customerWithOrder();
    const unknown = await upload(orderNo, cookie, "护照", {
      bytes: PDF,
      name: "a.pdf",
      type: "application/pdf",
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { fields: object } }).error.fields).toEqual({
      item: "invalid",
    });

    const form = new FormData();
    form.set("item", LICENCE);
    const missing = await fetch(`${server.url}/api/public/customer/orders/${orderNo}/materials`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: SITE },
      body: form,
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { fields: object } }).error.fields).toEqual({
      file: "required",
    });

    const json = await fetch(`${server.url}/api/public/customer/orders/${orderNo}/materials`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: SITE, "Content-Type": "application/json" },
      body: JSON.stringify({ item: LICENCE }),
    });
    expect(json.status).toBe(415);
  });

  it("another customer's order and document are 404; without a session 401; another origin 403", async () => {
    const owner = await customerWithOrder();
    const stranger = await customerWithOrder();
    const file = { bytes: PDF, name: "a.pdf", type: "application/pdf" };
    const { id } = (await (await upload(owner.orderNo, owner.cookie, LICENCE, file)).json()) as {
      id: string;
    };

    expect((await upload(owner.orderNo, stranger.cookie, LICENCE, file)).status).toBe(404);
    const theirs = await fetch(`${server.url}/api/public/customer/materials/${id}`, {
      headers: { Cookie: stranger.cookie },
    });
    expect(theirs.status).toBe(404);
    expect((await upload(owner.orderNo, "", LICENCE, file)).status).toBe(401);

    const form = new FormData();
    form.set("item", LICENCE);
    form.set("file", new Blob([PDF]), "a.pdf");
    const crossSite = await fetch(
      `${server.url}/api/public/customer/orders/${owner.orderNo}/materials`,
      {
        method: "POST",
        headers: { Cookie: owner.cookie, Origin: "https://evil.example" },
        body: form,
      },
    );
    expect(crossSite.status).toBe(403);
  });

  it("serves no document without a session: Payload's file URL, the REST record, guessed ids", async () => {
    const { orderNo, cookie } = await customerWithOrder();
    const file = { bytes: PDF, name: "a.pdf", type: "application/pdf" };
    const { id } = (await (await upload(orderNo, cookie, LICENCE, file)).json()) as { id: string };
    const material = await payload.findByID({ collection: "materials", id });
    const probes = [
      `/api/materials/file/${material.filename}`,
      `/api/materials/${id}`,
      `/api/materials/${id}/document`,
      `/api/materials/${id}/document?download=1`,
      `/api/public/customer/materials/${id}`,
      `/materials/${material.filename}`,
      `/api/public/customer/materials/..%2F${material.filename}`,
    ];
    for (const probe of probes) {
      const response = await fetch(`${server.url}${probe}`);
      expect([401, 403, 404], probe).toContain(response.status);
      expect(Buffer.from(await response.arrayBuffer()).includes(PDF.subarray(0, 16)), probe).toBe(
        false,
      );
    }
    // Staff read the record and the document, but not the stored file by Payload's URL either.
    const asSales = await fetch(`${server.url}/api/materials/file/${material.filename}`, {
      headers: { Authorization: salesAuth },
    });
    expect(asSales.status).toBe(403);
    const asEditor = await fetch(`${server.url}/api/materials/${id}/document`, {
      headers: { Authorization: await staffAuth("editor") },
    });
    expect(asEditor.status).toBe(403);
  });
});

describe("review", () => {
  async function review(id: string, body: unknown) {
    return fetch(`${server.url}/api/materials/${id}/review`, {
      method: "POST",
      headers: { Authorization: salesAuth, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  async function moveTo(orderNo: string, to: string) {
    const { docs } = await payload.find({
      collection: "orders",
      where: { orderNo: { equals: orderNo } },
    });
    return fetch(`${server.url}/api/orders/${docs[0]?.id}/move`, {
      method: "POST",
      headers: { Authorization: salesAuth, "Content-Type": "application/json" },
      body: JSON.stringify({ to }),
    });
  }

  it("keeps the order in 初步审核 until every required document is accepted; a rejection reaches the customer", async () => {
    const { orderNo, cookie, phone } = await customerWithOrder("personal");
    expect((await moveTo(orderNo, "preliminary_review")).status).toBe(200);
    const refused = await moveTo(orderNo, "platform_review");
    expect(refused.status).toBe(400);
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toContain("本人身份证(人像面)(待上传)");

    const photo = { bytes: await photoWithGps(), name: "p.jpg", type: "image/jpeg" };
    const ids: Record<string, string> = {};
    for (const item of ["本人身份证(人像面)", "本人身份证(国徽面)"]) {
      const response = await upload(orderNo, cookie, item, photo);
      expect(response.status).toBe(201);
      ids[item] = ((await response.json()) as { id: string }).id;
    }
    const front = ids["本人身份证(人像面)"] ?? "";
    const back = ids["本人身份证(国徽面)"] ?? "";

    // Staff open it (recorded), reject one with a reason and a note.
    const viewed = await fetch(`${server.url}/api/materials/${front}/document`, {
      headers: { Authorization: salesAuth },
    });
    expect(viewed.status).toBe(200);
    const log = await payload.find({
      collection: "material-views",
      where: { material: { equals: front } },
    });
    expect(log.docs[0]).toMatchObject({ action: "view", orderNo, item: "本人身份证(人像面)" });
    expect(log.docs[0]?.userEmail).toBe(DEV_LOGINS.sales.email);

    expect((await review(front, { decision: "rejected" })).status).toBe(400);
    const longNote = await review(front, {
      decision: "rejected",
      reason: "documents_invalid",
      note: "光".repeat(501),
    });
    expect(longNote.status).toBe(400);
    expect(((await longNote.json()) as { error: { fields: object } }).error.fields).toEqual({
      note: "说明最多 500 字",
    });
    const rejected = await review(front, {
      decision: "rejected",
      reason: "documents_invalid",
      note: "照片反光,请在自然光下重拍",
    });
    expect(rejected.status).toBe(200);
    expect((await review(back, { decision: "accepted" })).status).toBe(200);

    const { orders } = await ordersOf(cookie);
    const states = orders[0]?.materials ?? [];
    expect(states.find((state) => state.item === "本人身份证(人像面)")).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("证件电子版不合格"),
      fix: "照片反光,请在自然光下重拍",
      uploadable: true,
    });
    expect(states.find((state) => state.item === "本人身份证(国徽面)")).toMatchObject({
      status: "accepted",
      uploadable: false,
    });
    const told = await payload.find({
      collection: "outbox",
      where: {
        kind: { in: ["sms_document_rejected", "document_rejected"] },
        to: { in: [phone, `c${serial}@example.com`] },
      },
    });
    expect(told.docs.map((message) => message.kind).sort()).toEqual([
      "document_rejected",
      "sms_document_rejected",
    ]);
    expect((await moveTo(orderNo, "platform_review")).status).toBe(400);

    // The accepted side cannot be replaced; the rejected one is, and once accepted the order moves.
    expect((await upload(orderNo, cookie, "本人身份证(国徽面)", photo)).status).toBe(409);
    const again = await upload(orderNo, cookie, "本人身份证(人像面)", photo);
    expect(again.status).toBe(201);
    const { id: replacement } = (await again.json()) as { id: string };
    expect((await review(replacement, { decision: "accepted" })).status).toBe(200);
    expect((await moveTo(orderNo, "platform_review")).status).toBe(200);
  });
});

describe("when documents go", () => {
  it("with their order, and MATERIALS_RETENTION_DAYS after the order ended", async () => {
    const kept = await customerWithOrder();
    const ended = await customerWithOrder();
    const file = { bytes: PDF, name: "a.pdf", type: "application/pdf" };
    for (const { orderNo, cookie } of [kept, ended]) {
      expect((await upload(orderNo, cookie, LICENCE, file)).status).toBe(201);
    }
    const orderOf = async (orderNo: string) =>
      (await payload.find({ collection: "orders", where: { orderNo: { equals: orderNo } } }))
        .docs[0];
    const endedOrder = await orderOf(ended.orderNo);
    await payload.update({
      collection: "orders",
      id: endedOrder?.id ?? 0,
      data: { status: "cancelled", stageNote: "客户取消" },
    });
    const countFor = async (orderNo: string) =>
      (
        await payload.count({
          collection: "materials",
          where: { order: { equals: (await orderOf(orderNo))?.id } },
        })
      ).totalDocs;

    // 29 days later nothing goes; 31 days later the cancelled order's document does.
    const day = 24 * 3600_000;
    await enforceRetention(payload, new Date(Date.now() + 29 * day));
    expect(await countFor(ended.orderNo)).toBe(1);
    const report = await enforceRetention(payload, new Date(Date.now() + 31 * day));
    expect(report.documents).toBe(1);
    expect(await countFor(ended.orderNo)).toBe(0);
    expect(await countFor(kept.orderNo)).toBe(1);

    const keptOrder = await orderOf(kept.orderNo);
    const before = await readdir(t.env.MATERIALS_DIR);
    await payload.delete({ collection: "orders", id: keptOrder?.id ?? 0 });
    const after = await readdir(t.env.MATERIALS_DIR);
    expect(after.length).toBe(before.length - 1);
  });
});

describe("upload slots", () => {
  it("an order from before slots were kept shows its type's slots as they are now", async () => {
    const { orderNo, cookie } = await customerWithOrder("personal");
    const { docs } = await payload.find({
      collection: "orders",
      where: { orderNo: { equals: orderNo } },
      limit: 1,
    });
    await payload.db.updateOne({
      collection: "orders",
      id: docs[0]?.id ?? 0,
      data: { uploadSlots: null },
    });
    const { orders } = await ordersOf(cookie);
    expect(orders[0]?.materials.map((state) => state.item)).toEqual([
      "本人身份证(人像面)",
      "本人身份证(国徽面)",
      "其他补充材料",
    ]);
  });

  it("an order keeps the slots it was placed with; the next order has the type's edit", async () => {
    const slotsOfOrder = async (orderNo: string) => {
      const { docs } = await payload.find({
        collection: "orders",
        where: { orderNo: { equals: orderNo } },
        limit: 1,
      });
      return (docs[0]?.uploadSlots as { item: string }[] | undefined)?.map((slot) => slot.item);
    };
    const [type] = (
      await payload.find({ collection: "filing-types", where: { slug: { equals: "enterprise" } } })
    ).docs;
    if (!type) throw new Error("the seed has no enterprise type");
    const ADDED = "网站负责人授权书";
    const before = await customerWithOrder("enterprise");
    expect(await slotsOfOrder(before.orderNo)).not.toContain(ADDED);
    await payload.update({
      collection: "filing-types",
      id: type.id,
      data: {
        materials: [...(type.materials ?? []), { item: ADDED, upload: "single" }],
        _status: "published",
      },
    });
    try {
      const after = await customerWithOrder("enterprise");
      expect(await slotsOfOrder(after.orderNo)).toContain(ADDED);
      expect(await slotsOfOrder(before.orderNo)).not.toContain(ADDED);
    } finally {
      await payload.update({
        collection: "filing-types",
        id: type.id,
        data: { materials: type.materials, _status: "published" },
      });
    }
  });
});
