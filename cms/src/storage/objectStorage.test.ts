/**
 * With S3_* set, the media's files live in the bucket of a local S3-compatible server: uploads
 * through the Local API, over HTTP and by the seed are objects there (with their image sizes) and
 * nothing is written to MEDIA_DIR; Payload serves them at /api/media/file/<name>; deleting or
 * replacing a document deletes its objects; `readStoredFile` reads them back.
 */
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { createLocalReq, type Payload } from "payload";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LOGINS } from "../devLogins.ts";
import { startSeededServer, type TSeededServer } from "../testing/server.ts";
import { readStoredFile } from "./index.ts";
import { objectKey } from "./objectStorage.ts";
import { filesIn, pngFile, sha256, testPng } from "./testing/files.ts";
import { startLocalObjectStore, type TLocalObjectStore } from "./testing/localObjectStore.ts";

/** The object keys of a media document's files: the original and each image size. */
function mediaKeys(doc: {
  filename?: string | null;
  sizes?: Record<string, { filename?: string | null } | undefined> | null;
}): string[] {
  const sizes = Object.values(doc.sizes ?? {}).map((size) => size?.filename);
  return [doc.filename, ...sizes]
    .filter((name): name is string => Boolean(name))
    .map((name) => objectKey("media", name))
    .sort();
}

describe("media in an S3-compatible object store", () => {
  let store: TLocalObjectStore;
  let seeded: TSeededServer;
  let payload: Payload;
  let url: string;

  beforeAll(async () => {
    store = await startLocalObjectStore();
    seeded = await startSeededServer(store.env);
    payload = seeded.t.payload;
    url = seeded.server.url;
  });

  afterAll(async () => {
    await seeded?.close();
    await store?.close();
  });

  it("stores the seed's and a Local API upload's files (with image sizes) in the bucket, none in MEDIA_DIR", async () => {
    const logos = await payload.find({ collection: "media", pagination: false, depth: 0 });
    expect(logos.totalDocs).toBeGreaterThan(0);
    const bytes = await testPng(1);
    const doc = await payload.create({
      collection: "media",
      data: { alt: "备案流程图" },
      file: pngFile(bytes, "flow.png"),
    });
    expect(Object.keys(doc.sizes ?? {}).sort()).toEqual(["card", "thumbnail", "wide"]);

    const keys = await store.keys("media/");
    for (const media of [...logos.docs, doc])
      expect(keys).toEqual(expect.arrayContaining(mediaKeys(media)));
    expect(
      sha256((await store.bytes(objectKey("media", doc.filename ?? ""))) ?? Buffer.alloc(0)),
    ).toBe(sha256(bytes));
    const thumbnail = await store.bytes(objectKey("media", doc.sizes?.thumbnail?.filename ?? ""));
    expect((await sharp(thumbnail).metadata()).width).toBe(240);
    expect(await filesIn(seeded.t.env.MEDIA_DIR)).toEqual([]);
  });

  it("sends every request signed with the configured key and never a public ACL", async () => {
    const puts = store.requests.filter((request) => request.method === "PUT");
    expect(puts.length).toBeGreaterThan(0);
    for (const request of store.requests) {
      expect(request.headers.authorization).toContain(`Credential=${store.env.S3_ACCESS_KEY_ID}/`);
      expect(request.headers["x-amz-acl"]).toBeUndefined();
    }
  });

  it("stores an editor's upload over HTTP, and Payload serves it (and its sizes) back", async () => {
    const token = await seeded.server.login(DEV_LOGINS.editor.email, DEV_LOGINS.editor.password);
    const bytes = await testPng(2);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "hero.png");
    form.append("_payload", JSON.stringify({ alt: "首屏插图" }));
    const created = await fetch(`${url}/api/media`, {
      method: "POST",
      headers: { Authorization: `JWT ${token}` },
      body: form,
    });
    expect(created.status).toBe(201);
    const { doc } = (await created.json()) as {
      doc: { filename: string; url: string; sizes: Record<"card", { filename: string }> };
    };
    expect(new URL(doc.url).pathname).toBe(`/api/media/file/${doc.filename}`);
    expect(await store.keys("media/")).toEqual(expect.arrayContaining(mediaKeys(doc)));

    const served = await fetch(`${url}/api/media/file/${encodeURIComponent(doc.filename)}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(bytes));
    const card = await fetch(
      `${url}/api/media/file/${encodeURIComponent(doc.sizes.card.filename)}`,
    );
    expect((await sharp(Buffer.from(await card.arrayBuffer())).metadata()).width).toBe(640);

    const part = await fetch(`${url}/api/media/file/${encodeURIComponent(doc.filename)}`, {
      headers: { Range: "bytes=0-7" },
    });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 8));
    expect(await filesIn(seeded.t.env.MEDIA_DIR)).toEqual([]);
  });

  it("answers 404 for a file the bucket does not hold, and never reads outside the collection's folder", async () => {
    expect((await fetch(`${url}/api/media/file/missing.png`)).status).toBe(404);
    // Another collection's object in the same bucket, asked for through media's handler.
    await store.client.send(
      new PutObjectCommand({ Bucket: store.bucket, Key: "materials/secret.enc", Body: "密文" }),
    );
    const req = await createLocalReq({}, payload);
    for (const filename of ["../materials/secret.enc", "..%2Fmaterials%2Fsecret.enc"])
      await expect(readStoredFile(req, "media", { id: 0, filename })).rejects.toThrow(/404/);
    expect((await fetch(`${url}/api/media/file/..%2Fmaterials%2Fsecret.enc`)).status).not.toBe(200);
  });

  it("deletes a document's objects with it, and a replaced file's objects", async () => {
    const doc = await payload.create({
      collection: "media",
      data: { alt: "将被替换" },
      file: pngFile(await testPng(3), "replaced.png"),
    });
    const replacement = await testPng(4);
    const updated = await payload.update({
      collection: "media",
      id: doc.id,
      data: {},
      file: pngFile(replacement, "replacement.png"),
    });
    const keys = await store.keys("media/");
    expect(keys).toEqual(expect.arrayContaining(mediaKeys(updated)));
    expect(keys.filter((key) => mediaKeys(doc).includes(key))).toEqual([]);

    await payload.delete({ collection: "media", id: doc.id });
    const left = await store.keys("media/");
    expect(left.filter((key) => mediaKeys(updated).includes(key))).toEqual([]);
    expect((await fetch(`${url}/api/media/file/${updated.filename}`)).status).toBe(404);
  });

  it("reads a stored file back through the collection's upload handlers", async () => {
    const bytes = await testPng(5);
    const doc = await payload.create({
      collection: "media",
      data: { alt: "读回" },
      file: pngFile(bytes, "read-back.png"),
    });
    const req = await createLocalReq({}, payload);
    expect(sha256(await readStoredFile(req, "media", doc))).toBe(sha256(bytes));
    await expect(
      readStoredFile(req, "media", { id: doc.id, filename: "gone.png" }),
    ).rejects.toThrow(/404/);
  });
});
