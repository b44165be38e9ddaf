/** `POST /api/public/orders` and `POST /api/public/orders/lookup` (CONTRACT §3). */
import { type TOrder, validateOrder, validateOrderLookup } from "@beian/contract";
import type { PayloadRequest } from "payload";
import type { TEnv } from "../env.ts";
import { checklistFor } from "../orders/checklist.ts";
import { PIPELINE } from "../orders/stages.ts";
import { consentRecord } from "./consent.ts";
import { corsHeaders } from "./cors.ts";
import { clientIp, errorResponse, localeOf, readBody } from "./http.ts";
import { consume, limitersFor } from "./rateLimit.ts";
import { newOrderNo, unusedCode } from "./references.ts";
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
    // A resubmission (`rejected` → `submitted`) starts the pipeline afresh: only the history since
    // the latest entry into `submitted` says which stages are done, and when.
    const fullHistory = order.stageHistory ?? [];
    const restart = fullHistory.findLastIndex((entry) => entry.stage === "submitted");
    const history = restart > 0 ? fullHistory.slice(restart) : fullHistory;
    const enteredAt = (key: string) =>
      history.findLast((entry) => entry.stage === key)?.enteredAt ?? undefined;
    const current = order.status;
    const reached = PIPELINE.indexOf(current as (typeof PIPELINE)[number]);
    const lastInPipeline = Math.max(
      reached,
      ...history.map((entry) => PIPELINE.indexOf(entry.stage as (typeof PIPELINE)[number])),
    );
    // The last stage has no stage after it: it is done when sales records the police filing.
    const finished = current === "police_filing" && Boolean(order.policeFiledAt);
    const stages = PIPELINE.map((key, index) => {
      const state =
        key === current && !finished ? "current" : index <= lastInPipeline ? "done" : "pending";
      const at = enteredAt(key);
      return {
        key,
        title: titleOf(key),
        state,
        ...(at ? { at } : {}),
        ...(state === "current" && order.stageDeadline ? { deadline: order.stageDeadline } : {}),
      };
    });
    if (current === "rejected" || current === "cancelled") {
      const at = enteredAt(current);
      stages.push({
        key: current,
        title: titleOf(current),
        state: "current",
        ...(at ? { at } : {}),
      } as never);
    }
    return Response.json(
      {
        orderNo: order.orderNo,
        filingType: order.filingType,
        status: current,
        stages,
        ...(current === "rejected" && order.rejection?.length
          ? {
              rejection: order.rejection.map((item) => ({
                field: item.field,
                reason: item.reason,
                suggestion: item.suggestion ?? "",
              })),
            }
          : {}),
      },
      { headers: { ...cors, "Cache-Control": "no-store" } },
    );
  };
}
