import type { CollectionConfig } from "payload";
import { nobody } from "../../access/index.ts";

/**
 * Signed-in customers (customers/sessions.ts). The cookie carries a random token; only its SHA-256
 * is stored, so a copy of the database signs nobody in. Signing out deletes the row, so a cookie
 * kept from before is worth nothing. Internal: no API access for anyone.
 */
export const CustomerSessions: CollectionConfig = {
  slug: "customer-sessions",
  lockDocuments: false,
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: "tokenHash", type: "text", required: true, unique: true, index: true },
    {
      name: "customer",
      type: "relationship",
      relationTo: "customers",
      required: true,
      index: true,
    },
    { name: "expiresAt", type: "date", required: true, index: true },
  ],
};
