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
  localeFrom,
  type TFieldErrors,
  type TLocale,
  validateFields,
  ZOrder,
} from "@beian/contract";
import {
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type PayloadRequest,
  ValidationError,
} from "payload";
import * as z from "zod/mini";
import { hasRole } from "../../access/index.ts";
import { unusedCode } from "../../lib/codes.ts";
import { relationId } from "../../lib/relationId.ts";
import { checklistFor } from "../../orders/checklist.ts";
import { newOrderNo } from "../../orders/orderNumbers.ts";
import { errorResponse, readBody } from "../../public-api/http.ts";

/** The same rules as the public order form for the fields the two share. */
export const ZConvertLead = z.object({
  province: ZOrder.shape.entity.shape.province,
  entityName: ZOrder.shape.entity.shape.name,
  filingType: z.optional(z.literal(FILING_TYPE_SLUGS, err("filing_type_invalid"))),
  miniProgram: ZOrder.shape.miniProgram,
});
export type TConvertLead = z.output<typeof ZConvertLead>;

export type TConverted = {
  order: { id: number | string; orderNo: string };
  lead: { id: number | string };
};

const MESSAGES = {
  unauthorized: { "zh-CN": "请先登录", en: "Please log in" },
  forbidden: { "zh-CN": "只有销售和管理员可以转化线索", en: "Only sales and admins convert leads" },
  already_converted: {
    "zh-CN": "该线索已转化为订单",
    en: "This lead has already been converted",
  },
} as const;

function refuse(
  code: keyof typeof MESSAGES,
  status: number,
  locale: TLocale,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { error: { code, message: MESSAGES[code][locale], ...extra } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

type TLeadRow = {
  id: number | string;
  name: string;
  phone: string;
  email?: string | null;
  company?: string | null;
  filingType?: string | null;
  message?: string | null;
  assignee?: number | string | { id: number | string } | null;
  partner?: number | string | { id: number | string } | null;
  source?: Record<string, unknown> | null;
  consent?: Record<string, unknown> | null;
  convertedOrder?: number | string | { id: number | string; orderNo?: string } | null;
};

async function findLead(req: PayloadRequest, id: string): Promise<TLeadRow | null> {
  try {
    const { docs } = await req.payload.find({
      collection: "leads",
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      req,
    });
    return (docs[0] as unknown as TLeadRow | undefined) ?? null;
  } catch {
    return null; // an id the database cannot even compare (`abc` on SQLite) is simply unknown
  }
}

async function orderNoOf(req: PayloadRequest, lead: TLeadRow): Promise<string | null> {
  const id = relationId(lead.convertedOrder);
  if (id === null) return null;
  const order = await req.payload
    .findByID({ collection: "orders", id, depth: 0, overrideAccess: true, req })
    .catch(() => null);
  return order?.orderNo ?? null;
}

/** Creates the order and marks the lead, both with `req` (and so in its transaction). */
async function convert(
  req: PayloadRequest,
  lead: TLeadRow,
  input: TConvertLead & { filingType: (typeof FILING_TYPE_SLUGS)[number] },
): Promise<TConverted> {
  const { payload } = req;
  const { materials } = await checklistFor(payload, input.filingType, input.province, req);
  const orderNo = await unusedCode(req, { collection: "orders", field: "orderNo" }, newOrderNo);
  const order = await payload.create({
    collection: "orders",
    data: {
      orderNo,
      lead: lead.id,
      filingType: input.filingType,
      contact: { name: lead.name, phone: lead.phone, email: lead.email ?? null },
      entity: { name: input.entityName ?? lead.company ?? null, province: input.province },
      miniProgram: input.miniProgram ?? {},
      note: lead.message ?? null,
      materials,
      partner: relationId(lead.partner),
      source: lead.source ?? {},
      consent: lead.consent ?? {},
      assignee: relationId(lead.assignee) ?? req.user?.id ?? null,
      status: "submitted",
    } as never,
    // Orders are otherwise created by the public endpoint or an admin; the role is checked.
    overrideAccess: true,
    req,
    depth: 0,
  });
  await payload.update({
    collection: "leads",
    id: lead.id,
    data: { status: "converted", convertedOrder: order.id } as never,
    // `convertedOrder` is written here only; the status change is recorded as the user's.
    overrideAccess: true,
    req,
    depth: 0,
  });
  return { order: { id: order.id, orderNo: order.orderNo }, lead: { id: lead.id } };
}

/** Payload's ValidationError as `{ path: message }`, or undefined for any other error. */
function validationErrors(error: unknown): TFieldErrors | undefined {
  if (!(error instanceof ValidationError)) return undefined;
  const fields: TFieldErrors = {};
  for (const item of error.data.errors) fields[item.path] = item.message;
  return fields;
}

export const convertLeadEndpoint: Endpoint = {
  path: "/:id/convert",
  method: "post",
  handler: async (req) => {
    const locale = localeFrom(req.headers.get("accept-language"));
    if (!req.user) return refuse("unauthorized", 401, locale);
    if (!hasRole(req, "admin", "sales")) return refuse("forbidden", 403, locale);

    const body = await readBody(req);
    if (!body.ok) return errorResponse(req, body.code);
    const input = validateFields(ZConvertLead, body.data, locale);
    if (!input.ok) return errorResponse(req, "validation_failed", {}, input.error);

    const id = String(req.routeParams?.id ?? "");
    const ownsTransaction = await initTransaction(req);
    try {
      const lead = await findLead(req, id);
      if (!lead) {
        if (ownsTransaction) await killTransaction(req);
        return errorResponse(req, "not_found");
      }
      if (relationId(lead.convertedOrder) !== null) {
        const orderNo = await orderNoOf(req, lead);
        if (ownsTransaction) await killTransaction(req);
        return refuse("already_converted", 409, locale, {
          order: { id: relationId(lead.convertedOrder), orderNo },
        });
      }
      const filingType = input.data.filingType ?? lead.filingType;
      if (!filingType) {
        if (ownsTransaction) await killTransaction(req);
        const fields: TFieldErrors = {
          filingType: locale === "en" ? "Choose the filing type" : "请选择备案类型",
        };
        return errorResponse(req, "validation_failed", {}, fields);
      }
      const converted = await convert(req, lead, {
        ...input.data,
        filingType: filingType as (typeof FILING_TYPE_SLUGS)[number],
      });
      if (ownsTransaction) await commitTransaction(req);
      return Response.json(converted, {
        status: 201,
        headers: { "Cache-Control": "no-store" },
      });
    } catch (error) {
      if (ownsTransaction) await killTransaction(req);
      // The lead's own data may fail an order field's rules (a lead typed in by hand): say which.
      const invalid = validationErrors(error);
      if (invalid) return errorResponse(req, "validation_failed", {}, invalid);
      // Two converts of one lead at once: the loser finds the winner's order once it committed.
      const now = await findLead(req, id);
      if (now && relationId(now.convertedOrder) !== null) {
        return refuse("already_converted", 409, locale, {
          order: { id: relationId(now.convertedOrder), orderNo: await orderNoOf(req, now) },
        });
      }
      req.payload.logger.error({ err: error, msg: `converting lead ${id} failed` });
      return errorResponse(req, "internal_error");
    }
  },
};
