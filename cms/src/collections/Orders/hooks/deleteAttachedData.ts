import type { CollectionBeforeDeleteHook } from "payload";
import { deleteAttachedData } from "../../../erasure/attachedData.ts";

/**
 * An order's emails go with it, in the delete's transaction (see erasure/attachedData.ts). Before
 * the delete: SQLite clears the emails' link to the order when the order goes.
 */
export const deleteOrderAttachedData: CollectionBeforeDeleteHook = ({ id, req }) =>
  deleteAttachedData(req, { collection: "orders", id });
