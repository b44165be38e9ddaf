import type { CollectionBeforeDeleteHook } from "payload";
import { deleteAttachedData } from "../../../erasure/attachedData.ts";

/**
 * A lead's emails go with it, in the delete's transaction (see erasure/attachedData.ts). Before
 * the delete: SQLite clears the emails' link to the lead when the lead goes.
 */
export const deleteLeadAttachedData: CollectionBeforeDeleteHook = ({ id, req }) =>
  deleteAttachedData(req, { collection: "leads", id });
