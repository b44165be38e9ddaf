/**
 * After a key change: every document still sealed with an earlier key is opened and stored again
 * under the current one (through the same storage, so the S3 store too), keeping its slot, review
 * and reviewer; the old file goes. Until this has run, MATERIALS_PREVIOUS_KEYS must keep the old key.
 */
import type { PayloadRequest } from "payload";
import type { TKeyring } from "./encryption.ts";
import { orderIdOf, readDocument, storeDocument } from "./store.ts";

export async function rekeyDocuments(req: PayloadRequest, keyring: TKeyring): Promise<number> {
  let rekeyed = 0;
  for (;;) {
    const { docs } = await req.payload.find({
      collection: "materials",
      where: { keyId: { not_equals: keyring.current.id } },
      limit: 50,
      depth: 0,
      overrideAccess: true,
      req,
    });
    if (docs.length === 0) return rekeyed;
    for (const old of docs) {
      const bytes = await readDocument(req, keyring, old);
      const fresh = await storeDocument(req, keyring, {
        order: orderIdOf(old),
        item: old.item,
        bytes,
        contentType: old.contentType,
      });
      await req.payload.update({
        collection: "materials",
        id: fresh.id,
        data: {
          status: old.status,
          rejectionReason: old.rejectionReason ?? null,
          reviewNote: old.reviewNote ?? null,
          reviewedBy: old.reviewedBy ?? null,
          reviewedAt: old.reviewedAt ?? null,
        },
        overrideAccess: true,
        req,
      });
      rekeyed += 1;
    }
  }
}
