/**
 * Sealing documents: what is stored is not the document, only the right key and the right name
 * open it, a changed byte is noticed, and after a key change `rekeyDocuments` moves every document
 * to the new key (through the real storage) without losing its review.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createLocalReq } from "payload";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { keyIdOf, keyringOf, open, seal, sealedWith } from "./encryption.ts";
import { rekeyDocuments } from "./rekey.ts";
import { readDocument, storeDocument } from "./store.ts";

const KEY_A = Buffer.alloc(32, 0xa1).toString("base64");
const KEY_B = Buffer.alloc(32, 0xb2).toString("base64");
const DOCUMENT = Buffer.from("身份证人像面照片的字节 0123456789".repeat(20));

describe("seal and open", () => {
  const keyring = keyringOf(KEY_A);

  it("stores ciphertext that names its key, and opens to the document", () => {
    const sealed = seal(keyring, DOCUMENT, "a.bin");
    expect(sealed.includes(DOCUMENT.subarray(0, 16))).toBe(false);
    expect(sealedWith(sealed)).toBe(keyIdOf(Buffer.from(KEY_A, "base64")));
    expect(open(keyring, sealed, "a.bin").equals(DOCUMENT)).toBe(true);
    // A fresh nonce each time: the same document never seals to the same bytes.
    expect(seal(keyring, DOCUMENT, "a.bin").equals(sealed)).toBe(false);
  });

  it("refuses another name, a changed byte, an unknown key", () => {
    const sealed = seal(keyring, DOCUMENT, "a.bin");
    expect(() => open(keyring, sealed, "b.bin")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => open(keyring, tampered, "a.bin")).toThrow();
    expect(() => open(keyringOf(KEY_B), sealed, "a.bin")).toThrow(/not configured/);
    expect(() => open(keyring, DOCUMENT, "a.bin")).toThrow(/not a sealed document/);
  });
});

describe("a key change", () => {
  let t: TTestPayload;
  beforeAll(async () => {
    t = await createTestPayload();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keeps old documents readable with the previous key, and rekeying moves them to the new one", async () => {
    const { payload } = t;
    const req = await createLocalReq({}, payload);
    const order = await payload.create({
      collection: "orders",
      data: {
        orderNo: "B-REKY-2345",
        filingType: "personal",
        contact: { name: "客户", phone: "13800138000" },
        entity: { province: "zhejiang" },
        status: "submitted",
      },
    });
    const before = keyringOf(KEY_A);
    const stored = await storeDocument(req, before, {
      order: order.id,
      item: "本人身份证(人像面)",
      bytes: DOCUMENT,
      contentType: "application/pdf",
    });
    await payload.update({
      collection: "materials",
      id: stored.id,
      data: { status: "rejected", rejectionReason: "documents_invalid", reviewNote: "请重拍" },
    });

    const after = keyringOf(KEY_B, [KEY_A]);
    const old = await payload.findByID({ collection: "materials", id: stored.id });
    expect((await readDocument(req, after, old)).equals(DOCUMENT)).toBe(true);

    expect(await rekeyDocuments(req, after)).toBe(1);
    expect(await rekeyDocuments(req, after)).toBe(0);
    const { docs } = await payload.find({
      collection: "materials",
      where: { order: { equals: order.id } },
    });
    expect(docs).toHaveLength(1);
    const [moved] = docs;
    if (!moved) throw new Error("no document after rekeying");
    expect(moved).toMatchObject({
      keyId: after.current.id,
      status: "rejected",
      rejectionReason: "documents_invalid",
      reviewNote: "请重拍",
    });
    const onDisk = await readFile(path.join(t.env.MATERIALS_DIR, moved.filename ?? ""));
    expect(sealedWith(onDisk)).toBe(after.current.id);
    // The old key may now go.
    expect((await readDocument(req, keyringOf(KEY_B), moved)).equals(DOCUMENT)).toBe(true);
  });
});
