import type { CollectionConfig } from "payload";
import { nobody } from "../../access/index.ts";

/**
 * Answers already given to a public POST with an `Idempotency-Key`, kept 24 h: a repeat gets the
 * first response again and stores nothing new. Internal: no API access for anyone.
 */
export const IdempotencyKeys: CollectionConfig = {
  slug: "idempotency-keys",
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    /** `<endpoint>:<partner>:<key>`: the same key on another endpoint or from another partner is another request. */
    { name: "scope", type: "text", required: true, unique: true, index: true },
    { name: "status", type: "number", required: true },
    { name: "body", type: "json", required: true },
    { name: "expiresAt", type: "date", required: true, index: true },
  ],
};
