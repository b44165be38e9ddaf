/** `POST /api/public/leads` (CONTRACT §3). */
import { type TLead, type TLeadCreated, validateLead } from "@beian/contract";
import type { TEnv } from "../env.ts";
import { newReference, unusedCode } from "../lib/codes.ts";
import { consentRecord } from "./consent.ts";
import { submissionHandler } from "./submission.ts";

export function leadsHandler(env: TEnv) {
  return submissionHandler<TLead, TLeadCreated>(env, {
    kind: "leads",
    validate: validateLead,
    recipient: (data) => data.email,
    store: async ({ data, partner, suspectedSpam, req, payload }) => {
      const consent = await consentRecord(data, partner.name, env, payload);
      const reference = await unusedCode(req, { collection: "leads", field: "reference" }, () =>
        newReference("L"),
      );
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
          suspectedSpam,
        },
        overrideAccess: true,
        req,
        depth: 0,
      });
      return { id: lead.id, answer: { id: lead.id, reference } };
    },
  });
}
