/** `POST /api/public/orders` and `POST /api/public/orders/lookup` (CONTRACT §3). */
import { type TOrder, validateOrder, validateOrderLookup } from "@beian/contract";
import type { PayloadRequest } from "payload";
import type { TEnv } from "../env.ts";
import { unusedCode } from "../lib/codes.ts";
import { checklistFor } from "../orders/checklist.ts";
import { newOrderNo } from "../orders/orderNumbers.ts";
import { orderTimeline } from "../orders/timeline.ts";
import { consentRecord } from "./consent.ts";
import { corsHeaders } from "./cors.ts";
import { clientIp, errorResponse, localeOf, readBody } from "./http.ts";
import { consume, limitersFor } from "./rateLimit.ts";
import { submissionHandler } from "./submission.ts";

export function ordersHandler(env: TEnv) {
  return submissionHandler<TOrder>(env, {
    kind: "orders",
    validate: validateOrder,
    decoy: () => ({ orderNo: newOrderNo(), status: "submitted", materials: [] }),
    store: async ({ data, partner, req, payload }) => {
      const { materials } = await checklistFor(payload, data.filingType, data.entity.province, req);
      const consent = await consentRecord(data, partner.name, env, payload, req);
      const orderNo = await unusedCode(req, { collection: "orders", field: "orderNo" }, newOrderNo);
      await payload.create({
        collection: "orders",
        data: {
          orderNo,
          filingType: data.filingType,
          contact: data.contact,
          entity: data.entity,
          miniProgram: data.miniProgram,
          note: data.note,
          materials,
          partner: partner.id,
          source: data.source,
          consent,
          status: "submitted",
        } as never,
        overrideAccess: true,
        req,
        depth: 0,
      });
      return { orderNo, status: "submitted", materials };
    },
  });
}

/**
 * Where an order stands. An unknown order number and a wrong phone get the same 404, so the
 * endpoint tells nothing to someone who has only one of the two; it is rate-limited like the rest.
 */
export function orderLookupHandler(env: TEnv) {
  const siteOrigin = new URL(env.SITE_URL).origin;
  return async (req: PayloadRequest): Promise<Response> => {
    const cors = await corsHeaders(req, siteOrigin);
    const body = await readBody(req);
    if (!body.ok) return errorResponse(req, body.code, cors);
    const limited = await consume(limitersFor(req.payload, env).ip, clientIp(req));
    if (!limited.ok) {
      return errorResponse(req, "rate_limited", {
        ...cors,
        "Retry-After": String(limited.retryAfterS),
      });
    }
    const input = validateOrderLookup(body.data, localeOf(req));
    if (!input.ok) return errorResponse(req, "validation_failed", cors, input.error);
    const { orderNo, phone } = input.data;

    const { docs } = await req.payload.find({
      collection: "orders",
      where: {
        and: [
          { orderNo: { equals: orderNo.trim().toUpperCase() } },
          { "contact.phone": { equals: phone } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    });
    const order = docs[0];
    if (!order) return errorResponse(req, "not_found", cors);

    const titles = await req.payload.find({
      collection: "filing-stages",
      pagination: false,
      depth: 0,
    });
    const titleOf = (key: string) => titles.docs.find((stage) => stage.key === key)?.title ?? key;
    return Response.json(orderTimeline(order, titleOf), {
      headers: { ...cors, "Cache-Control": "no-store" },
    });
  };
}
