/**
 * An order's required documents uploaded and accepted, as if the customer had uploaded them and
 * sales had accepted each — through the same storage (sealed files) — so that tests about later
 * stages can move the order past 初步审核 (src/materials/gate.ts).
 */
import { createLocalReq, type Payload } from "payload";
import type { TEnv } from "../env.ts";
import { keyringOf } from "../materials/encryption.ts";
import { materialStatesOf } from "../materials/state.ts";
import { storeDocument } from "../materials/store.ts";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

export async function acceptRequiredDocuments(
  payload: Payload,
  env: Pick<TEnv, "MATERIALS_ENCRYPTION_KEY" | "MATERIALS_PREVIOUS_KEYS">,
  orderId: number,
): Promise<void> {
  const req = await createLocalReq({}, payload);
  const keyring = keyringOf(env.MATERIALS_ENCRYPTION_KEY, env.MATERIALS_PREVIOUS_KEYS);
  const order = await payload.findByID({ collection: "orders", id: orderId, depth: 0 });
  for (const { item, required, status } of await materialStatesOf(req, order)) {
    if (!required || status === "accepted") continue;
    const stored = await storeDocument(req, keyring, {
      order: orderId,
      item,
      bytes: PDF,
      contentType: "application/pdf",
    });
    await payload.update({
      collection: "materials",
      id: stored.id,
      data: { status: "accepted", reviewedAt: new Date().toISOString() },
      overrideAccess: true,
    });
  }
}
