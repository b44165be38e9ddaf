/** `POST /api/public/leads` (CONTRACT §3). */
import { type TLead, type TLeadCreated, validateLead } from "@beian/contract";
import type { PayloadRequest } from "payload";
import type { TSpamReason } from "../admin/labels.ts";
import { queueLeadArrivalEmails } from "../collections/Leads/hooks/queueLeadEmails.ts";
import { statusHistoryEntry } from "../collections/Leads/hooks/recordStatusChange.ts";
import type { TEnv } from "../env.ts";
import { arrayRowId } from "../lib/arrayRowId.ts";
import { newReference, unusedCode } from "../lib/codes.ts";
import type { Lead } from "../payload-types.ts";
import { consentRecord } from "./consent.ts";
import { createArrived, submissionHandler, type TPartnerRef } from "./submission.ts";

export function leadsHandler(env: TEnv) {
  return submissionHandler<TLead, TLeadCreated>(env, {
    kind: "leads",
    validate: validateLead,
    recipient: (data) => data.email,
    store: async ({ data, partner, suspectedSpam, req }) => {
      const { id, reference } = await storeLead(env, req, data, partner, suspectedSpam);
      return { id, answer: { id, reference } };
    },
  });
}

/**
 * Writes a new lead through the database adapter, and what the Leads collection's hooks would add
 * to a lead created through Payload (`recordStatusChange`: its first status-history row;
 * `queueLeadEmails`: its emails), from the same functions. Payload's create also walks every
 * field's hooks and validation and reads the whole lead back — a third of a public lead's CPU
 * under load (`bench/README.md`, phase 6) — while everything here was set and validated by the
 * contract already. The leads tests read a lead stored so back through Payload, field by field,
 * beside one Payload's create stored from the same data.
 */
async function storeLead(
  env: TEnv,
  req: PayloadRequest,
  data: TLead,
  partner: TPartnerRef,
  suspectedSpam: TSpamReason | undefined,
): Promise<{ id: number; reference: string }> {
  const { payload } = req;
  const consent = await consentRecord(data, partner.name, env, payload);
  const reference = await unusedCode(req, { collection: "leads", field: "reference" }, () =>
    newReference("L"),
  );
  const now = new Date().toISOString();
  const lead: Omit<Lead, "id"> = {
    reference,
    name: data.name,
    phone: data.phone,
    email: data.email ?? null,
    company: data.company ?? null,
    filingType: data.filingType ?? null,
    message: data.message ?? null,
    suspectedSpam: suspectedSpam ?? null,
    status: "new",
    partner: partner.id,
    source: data.source ?? {},
    consent,
    statusHistory: [{ id: arrayRowId(), ...statusHistoryEntry(null, "new", null) }],
    createdAt: now,
    updatedAt: now,
  };
  const id = await createArrived(req, "leads", lead, queueLeadArrivalEmails);
  return { id, reference };
}
