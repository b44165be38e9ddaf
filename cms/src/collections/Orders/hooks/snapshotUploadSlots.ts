import type { CollectionBeforeChangeHook } from "payload";
import { uploadSlotsOf } from "../../../materials/slots.ts";
import { typeMaterials } from "../../../materials/state.ts";
import type { Order } from "../../../payload-types.ts";

/**
 * A new order keeps the upload slots of its filing type as they are now (src/materials/slots.ts),
 * as it keeps its checklist: later edits to the type do not move a customer's uploads around.
 */
export const snapshotUploadSlots: CollectionBeforeChangeHook<Order> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== "create" || !data.filingType) return data;
  data.uploadSlots = uploadSlotsOf(await typeMaterials(req, data.filingType));
  return data;
};
