/**
 * Without S3_* no storage plugin is added: media files are written to MEDIA_DIR, and
 * `readStoredFile` reads them from there (never from outside it). Through the object store it is
 * tested in objectStorage.test.ts.
 */
import path from "node:path";
import { createLocalReq } from "payload";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestPayload, type TTestPayload } from "../testing/payload.ts";
import { readStoredFile, storagePlugins } from "./index.ts";
import { filesIn, pngFile, sha256, testPng } from "./testing/files.ts";

let t: TTestPayload;

beforeAll(async () => {
  t = await createTestPayload();
});

afterAll(async () => {
  await t?.close();
});

it("adds no storage plugin, keeps files in MEDIA_DIR and reads them back from there", async () => {
  expect(storagePlugins(t.env, ["media"])).toEqual([]);
  const bytes = await testPng(6);
  const doc = await t.payload.create({
    collection: "media",
    data: { alt: "本地" },
    file: pngFile(bytes, "local.png"),
  });
  expect(await filesIn(t.env.MEDIA_DIR)).toContain(doc.filename);
  const req = await createLocalReq({}, t.payload);
  expect(sha256(await readStoredFile(req, "media", doc))).toBe(sha256(bytes));
  await expect(
    readStoredFile(req, "media", { id: doc.id, filename: path.join("..", "test.db") }),
  ).rejects.toThrow(/bad file name/);
});
