import type { CollectionBeforeDeleteHook } from "payload";

/**
 * A lead is `converted` only while its order exists. When an admin deletes the order, the lead it
 * came from goes back to `qualified` (recorded in its history) and loses the link, in the same
 * transaction as the delete: otherwise it would stay "converted" with no order, and neither its
 * 12-month retention nor a sales colleague could ever move it on. Before the delete, because
 * SQLite clears the link itself when the order goes.
 */
export const releaseConvertedLead: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs } = await req.payload.find({
    collection: "leads",
    where: { convertedOrder: { equals: id } },
    pagination: false,
    depth: 0,
    select: {},
    req,
    overrideAccess: true,
  });
  for (const lead of docs) {
    await req.payload.update({
      collection: "leads",
      id: lead.id,
      data: { status: "qualified", convertedOrder: null },
      req,
      overrideAccess: true,
    });
  }
};
