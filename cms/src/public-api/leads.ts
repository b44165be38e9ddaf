/** `POST /api/public/leads` (CONTRACT §3). */
import { randomInt } from "node:crypto";
import { type TLead, validateLead } from "@beian/contract";
import type { TEnv } from "../env.ts";
import { consentRecord } from "./consent.ts";
import { submissionHandler } from "./submission.ts";

/** Crockford-style: no 0/O, 1/I/L or U, so a reference read over the phone is never ambiguous. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReference(prefix: string, length = 6): string {
  let code = "";
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}

export function leadsHandler(env: TEnv) {
  return submissionHandler<TLead>(env, {
    kind: "leads",
    validate: validateLead,
    decoy: () => ({ id: randomInt(1e6, 1e7), reference: newReference("L") }),
    store: async ({ data, partner, req, payload }) => {
      const consent = await consentRecord(data, partner.name, env, payload, req);
      for (let attempt = 0; ; attempt++) {
        const reference = newReference("L");
        try {
          const lead = await payload.create({
            collection: "leads",
            data: {
              reference,
              name: data.name,
              phone: data.phone,
              email: data.email,
              company: data.company,
              filingType: data.filingType,
              message: data.message,
              partner: partner.id,
              source: data.source,
              consent,
              status: "new",
            } as never,
            overrideAccess: true,
            req,
            depth: 0,
          });
          return { id: lead.id, reference };
        } catch (error) {
          // 30^6 references: a collision is rare; the unique index catches it, a new one is drawn.
          if (attempt < 3 && /reference/i.test(String((error as Error).message))) continue;
          throw error;
        }
      }
    },
  });
}
