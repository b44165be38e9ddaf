import type { CollectionConfig } from "payload";
import { nobody } from "../../access/index.ts";

/**
 * Sign-in codes sent by SMS (customers/codes.ts): only a keyed hash of each code is kept, valid 5
 * minutes, void once used, once a newer one is sent, or after 5 wrong tries. Internal: no API
 * access for anyone; rows go a day after they expire (retention).
 */
export const CustomerCodes: CollectionConfig = {
  slug: "customer-codes",
  lockDocuments: false,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: "phone", type: "text", required: true, index: true },
    /** HMAC-SHA256 under PAYLOAD_SECRET of `phone:code`: a copy of the database reveals no code. */
    { name: "codeHash", type: "text", required: true },
    { name: "expiresAt", type: "date", required: true, index: true },
    /** Used, replaced by a newer code, or voided by wrong tries. */
    { name: "spent", type: "checkbox", defaultValue: false, index: true },
  ],
};
