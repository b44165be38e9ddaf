import type { CollectionBeforeDeleteHook } from "payload";

/** A deleted account's sessions end with it (they refer to it, and must sign nobody in). */
export const endSessions: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: "customer-sessions",
    where: { customer: { equals: id } },
    overrideAccess: true,
    req,
  });
};
