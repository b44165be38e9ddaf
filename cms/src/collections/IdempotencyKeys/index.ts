import type { CollectionConfig } from "payload";
import { nobody } from "../../access/index.ts";

/**
 * Answers already given to a public POST with an `Idempotency-Key`, kept 24 h: a repeat gets the
 * first response again and stores nothing new; another body under the same key is refused.
 * Internal: no API access for anyone.
 */
export const IdempotencyKeys: CollectionConfig = {
  slug: "idempotency-keys",
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    /** `<endpoint>:<partner>:<key>`: the same key on another endpoint or from another partner is another request. */
    { name: "scope", type: "text", required: true, unique: true, index: true },
    /** SHA-256 of the request the key was first used for (idempotency.ts, `requestHash`). */
    { name: "requestHash", type: "text", required: true },
    { name: "status", type: "number", required: true },
    { name: "body", type: "json", required: true },
    /**
     * The document the answer created, `leads:<id>` / `orders:<id>`: the answer repeats its
     * personal data, so it goes when that document's data is erased (`forgetStoredAnswers`).
     */
    { name: "document", type: "text", index: true },
    { name: "expiresAt", type: "date", required: true, index: true },
  ],
};
