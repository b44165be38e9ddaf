/**
 * A document in and out of storage: sealed under a random name before Payload stores it (on disk
 * in MATERIALS_DIR, or in the S3 store), opened again when its owner or a reviewer reads it. The
 * newest document of a slot replaces the ones before, in the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { TMaterialContentType } from "@beian/contract";
import type { PayloadRequest } from "payload";
import { relationId } from "../lib/relationId.ts";
import type { Material } from "../payload-types.ts";
import { readStoredFile } from "../storage/readStoredFile.ts";
import { open, seal, type TKeyring } from "./encryption.ts";

export type TNewDocument = {
  order: number;
  item: string;
  bytes: Buffer;
  contentType: TMaterialContentType;
};

export async function storeDocument(
  req: PayloadRequest,
  keyring: TKeyring,
  document: TNewDocument,
): Promise<Material> {
  const name = `${randomUUID()}.bin`;
  const sealed = seal(keyring, document.bytes, name);
  const stored = await req.payload.create({
    collection: "materials",
    data: {
      order: document.order,
      item: document.item,
      status: "uploaded",
      contentType: document.contentType,
      keyId: keyring.current.id,
    },
    file: { data: sealed, mimetype: "application/octet-stream", name, size: sealed.length },
    overrideAccess: true,
    depth: 0,
    req,
  });
  // The name is sealed into the file: Payload must not have renamed it.
  if (stored.filename !== name)
    throw new Error(`material stored as ${stored.filename}, not ${name}`);
  await req.payload.delete({
    collection: "materials",
    where: {
      and: [
        { order: { equals: document.order } },
        { item: { equals: document.item } },
        { id: { not_equals: stored.id } },
      ],
    },
    overrideAccess: true,
    req,
  });
  return stored;
}

/** The order a document belongs to (its field is required), whether read populated or not. */
export function orderIdOf(material: Material): number {
  const id = relationId(material.order);
  if (id === null) throw new Error(`material ${material.id} has no order`);
  return id;
}

/** The document's own bytes (not what is stored), from whichever store Payload keeps it in. */
export async function readDocument(
  req: PayloadRequest,
  keyring: TKeyring,
  material: Material,
): Promise<Buffer> {
  const name = material.filename;
  if (!name) throw new Error(`material ${material.id} has no file`);
  return open(keyring, await readStoredFile(req, "materials", material), name);
}
