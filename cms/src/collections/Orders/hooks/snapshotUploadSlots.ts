import type { CollectionBeforeChangeHook } from "payload";
import { typeUploadSlots } from "../../../materials/state.ts";
import type { Order } from "../../../payload-types.ts";

/**
 * A new order keeps the upload slots of its filing type as they are now (src/materials/slots.ts),
 * as it keeps its checklist: later edits to the type do not move a customer's uploads around.
 * From the published types the checklist reads, kept in memory (orders/checklist.ts): not a read
 * of the whole type, rich text and all, inside every new order's transaction.
 */
export const snapshotUploadSlots: CollectionBeforeChangeHook<Order> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== "create" || !data.filingType) return data;
  data.uploadSlots = await typeUploadSlots(req.payload, data.filingType);
  return data;
};
