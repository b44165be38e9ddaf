/**
 * A stored file's bytes, for server code that hands a file out itself (a customer's material,
 * decrypted by its endpoint): through the collection's `upload.handlers` when it has any (the
 * object store), else from its `staticDir`, as Payload's own file route finds it. No access check:
 * the caller has done its own.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CollectionSlug, PayloadRequest } from "payload";

export type TStoredFileDoc = { id: number | string; filename?: string | null };

export async function readStoredFile(
  req: PayloadRequest,
  collectionSlug: CollectionSlug,
  doc: TStoredFileDoc,
): Promise<Buffer> {
  const { upload } = req.payload.collections[collectionSlug].config;
  const { filename } = doc;
  if (!upload) throw new Error(`${collectionSlug} is not an upload collection`);
  if (!filename) throw new Error(`${collectionSlug} ${doc.id} has no file`);
  for (const handler of upload.handlers ?? []) {
    const response = await handler(req, {
      doc,
      headers: new Headers(),
      params: { collection: collectionSlug, filename },
    });
    if (!(response instanceof Response)) continue;
    if (!response.ok)
      throw new Error(`${collectionSlug} ${doc.id}: its file answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  const dir = path.resolve(upload.staticDir || collectionSlug);
  const file = path.resolve(dir, filename);
  if (path.dirname(file) !== dir) throw new Error(`${collectionSlug} ${doc.id}: bad file name`);
  return readFile(file);
}
