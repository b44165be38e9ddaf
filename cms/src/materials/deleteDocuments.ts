import type { PayloadRequest, Where } from "payload";

/** Documents and their stored files (Payload deletes a document's file with it), in `req`'s transaction. */
export async function deleteDocuments(req: PayloadRequest, where: Where): Promise<number> {
  const { docs, errors } = await req.payload.delete({
    collection: "materials",
    where,
    overrideAccess: true,
    depth: 0,
    req,
  });
  if (errors.length) throw new Error(`${errors.length} document(s) not deleted`);
  return docs.length;
}
