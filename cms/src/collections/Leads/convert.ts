/**
 * `POST /api/leads/:id/convert`: sales turns a lead into a filing order. The body names what the
 * lead does not know yet — `{ province, entityName?, filingType?, miniProgram? }` — and the order
 * takes the rest from the lead: contact, company, message, partner, source and consent record,
 * plus the materials checklist for type and province. The order is created and the lead marked
 * `converted` (linked both ways) in one transaction: both happen, or neither does.
 *
 * 401 without a login, 403 for anyone but sales and admins, 404 for an unknown lead, 400 with a
 * message per field, 409 (with the order number) when the lead was already converted.
 */
import {
  err,
  FILING_TYPE_SLUGS,
  type TFilingTypeSlug,
  type TLocale,
  validateFields,
  ZOrder,
} from "@beian/contract";
import { type Endpoint, type PayloadRequest, ValidationError } from "payload";
import * as z from "zod/mini";
import { hasRole } from "../../access/index.ts";
import { inRequestTransaction } from "../../db/transaction.ts";
import { answer } from "../../endpoints/answer.ts";
import { readBody } from "../../endpoints/body.ts";
import { localeOf, Refusal, requireValid } from "../../endpoints/refusal.ts";
import { unusedCode } from "../../lib/codes.ts";
import { relationId } from "../../lib/relationId.ts";
import { checklistFor } from "../../orders/checklist.ts";
import { newOrderNo } from "../../orders/orderNumbers.ts";
import type { Lead } from "../../payload-types.ts";

/** The same rules as the public order form for the fields the two share. */
export const ZConvertLead = z.object({
  province: ZOrder.shape.entity.shape.province,
  entityName: ZOrder.shape.entity.shape.name,
  filingType: z.optional(z.literal(FILING_TYPE_SLUGS, err("filing_type_invalid"))),
  miniProgram: ZOrder.shape.miniProgram,
});
export type TConvertLead = z.output<typeof ZConvertLead>;

export type TConverted = {
  order: { id: number; orderNo: string };
  lead: { id: number };
};

const ONLY_SALES = {
  "zh-CN": "只有销售和管理员可以转化线索",
  en: "Only sales and admins convert leads",
} as const;

export const convertLeadEndpoint: Endpoint = {
  path: "/:id/convert",
  method: "post",
  handler: answer({ name: "lead conversion" }, async (req) => {
    if (!req.user) throw new Refusal("unauthorized");
    if (!hasRole(req, "admin", "sales")) throw new Refusal("forbidden", { says: ONLY_SALES });
    const locale = localeOf(req);
    const input = requireValid(validateFields(ZConvertLead, (await readBody(req)).data, locale));
    const id = String(req.routeParams?.id ?? "");
    const converted = await convertOnce(req, id, input, locale);
    return Response.json(converted, { status: 201, headers: { "Cache-Control": "no-store" } });
  }),
};

/**
 * The conversion in one transaction: whatever refuses or fails on the way rolls all of it back.
 * Two converts of one lead at once: the loser finds the winner's order once it has committed.
 */
async function convertOnce(
  req: PayloadRequest,
  id: string,
  input: TConvertLead,
  locale: TLocale,
): Promise<TConverted> {
  try {
    return await inRequestTransaction(req, async () => {
      const lead = await findLead(req, id);
      if (!lead) throw new Refusal("not_found");
      await refuseIfConverted(req, lead);
      return await convert(req, lead, { ...input, filingType: filingTypeOf(input, lead, locale) });
    });
  } catch (error) {
    // The lead's own data may fail an order field's rules (a lead typed in by hand): that is said.
    if (error instanceof Refusal || error instanceof ValidationError) throw error;
    const now = await findLead(req, id);
    if (now) await refuseIfConverted(req, now);
    throw error;
  }
}

async function findLead(req: PayloadRequest, id: string): Promise<Lead | null> {
  try {
    const { docs } = await req.payload.find({
      collection: "leads",
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      req,
    });
    return docs[0] ?? null;
  } catch {
    return null; // an id the database cannot even compare (`abc` on SQLite) is simply unknown
  }
}

/** The 409, with the order the lead already became. */
async function refuseIfConverted(req: PayloadRequest, lead: Lead): Promise<void> {
  const orderId = relationId(lead.convertedOrder);
  if (orderId === null) return;
  const order = await req.payload
    .findByID({ collection: "orders", id: orderId, depth: 0, overrideAccess: true, req })
    .catch(() => null);
  throw new Refusal("already_converted", {
    detail: { order: { id: orderId, orderNo: order?.orderNo ?? null } },
  });
}

/** The type the caller chose, else the lead's own; a lead without one asks for it. */
function filingTypeOf(input: TConvertLead, lead: Lead, locale: TLocale): TFilingTypeSlug {
  const filingType = input.filingType ?? lead.filingType;
  if (filingType) return filingType;
  throw new Refusal("validation_failed", {
    fields: { filingType: locale === "en" ? "Choose the filing type" : "请选择备案类型" },
  });
}

/** Creates the order and marks the lead, both with `req` (and so in its transaction). */
async function convert(
  req: PayloadRequest,
  lead: Lead,
  input: TConvertLead & { filingType: TFilingTypeSlug },
): Promise<TConverted> {
  const { payload } = req;
  const { province } = input;
  const { materials } = await checklistFor(payload, input.filingType, province);
  const orderNo = await unusedCode(req, { collection: "orders", field: "orderNo" }, newOrderNo);
  const order = await payload.create({
    collection: "orders",
    data: {
      orderNo,
      lead: lead.id,
      filingType: input.filingType,
      contact: { name: lead.name, phone: lead.phone, email: lead.email ?? null },
      entity: { name: input.entityName ?? lead.company ?? null, province },
      miniProgram: input.miniProgram ?? {},
      note: lead.message ?? null,
      materials,
      partner: relationId(lead.partner),
      source: lead.source ?? {},
      consent: lead.consent ?? {},
      assignee: relationId(lead.assignee) ?? req.user?.id ?? null,
      status: "submitted",
    },
    // Orders are otherwise created by the public endpoint or an admin; the role is checked.
    overrideAccess: true,
    req,
    depth: 0,
  });
  await payload.update({
    collection: "leads",
    id: lead.id,
    data: { status: "converted", convertedOrder: order.id },
    // `convertedOrder` is written here only; the status change is recorded as the user's.
    overrideAccess: true,
    req,
    depth: 0,
  });
  return { order: { id: order.id, orderNo: order.orderNo }, lead: { id: lead.id } };
}
