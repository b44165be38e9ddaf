/** `POST /api/public/orders` and `POST /api/public/orders/lookup` (CONTRACT §3). */
import {
  type TOrder,
  type TOrderCreated,
  type TOrderLookupAnswer,
  validateOrder,
  validateOrderLookup,
} from "@beian/contract";
import type { PayloadRequest } from "payload";
import type { TSpamReason } from "../admin/labels.ts";
import { stageFieldsOfChange } from "../collections/Orders/hooks/moveThroughStages.ts";
import { queueOrderArrivalEmails } from "../collections/Orders/hooks/queueOrderEmails.ts";
import { readBody } from "../endpoints/body.ts";
import { localeOf, Refusal, requireValid } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import { arrayRowId } from "../lib/arrayRowId.ts";
import { unusedCode } from "../lib/codes.ts";
import { typeUploadSlots } from "../materials/state.ts";
import { checklistFor } from "../orders/checklist.ts";
import { customerTexts } from "../orders/customerTexts.ts";
import { newOrderNo } from "../orders/orderNumbers.ts";
import { orderTimeline, TIMELINE_SELECT, type TTimelineOrder } from "../orders/timeline.ts";
import type { Order } from "../payload-types.ts";
import { clientIp, rateLimitKey } from "./clientIp.ts";
import { consentRecord } from "./consent.ts";
import { answerWithCors } from "./cors.ts";
import { charge, limitersFor } from "./rateLimit.ts";
import { createArrived, submissionHandler, type TPartnerRef } from "./submission.ts";

export function ordersHandler(env: TEnv) {
  return submissionHandler<TOrder, TOrderCreated>(env, {
    kind: "orders",
    validate: validateOrder,
    recipient: (data) => data.contact.email,
    store: async ({ data, partner, suspectedSpam, req }) => {
      const { id, orderNo, materials } = await storeOrder(env, req, data, partner, suspectedSpam);
      return { id, answer: { orderNo, status: "submitted", materials } };
    },
  });
}

/**
 * Writes a new order through the database adapter, with what the Orders collection's hooks would
 * add to an order created through Payload — its upload slots (`snapshotUploadSlots`), its first
 * stage and deadline (`moveThroughStages`), its emails (`queueOrderEmails`; a new order has no
 * text message) — from the functions those hooks call, as a public lead is written (`leads.ts`,
 * which says why). The orders tests compare an order stored so with one Payload's create stored.
 */
async function storeOrder(
  env: TEnv,
  req: PayloadRequest,
  data: TOrder,
  partner: TPartnerRef,
  suspectedSpam: TSpamReason | undefined,
): Promise<{ id: number; orderNo: string; materials: string[] }> {
  const { payload } = req;
  const { materials } = await checklistFor(payload, data.filingType, data.entity.province);
  const consent = await consentRecord(data, partner.name, env, payload);
  const orderNo = await unusedCode(req, { collection: "orders", field: "orderNo" }, newOrderNo);
  const fields = {
    orderNo,
    filingType: data.filingType,
    contact: { email: null, ...data.contact },
    entity: { name: null, ...data.entity },
    miniProgram: { name: null, appId: null, ...data.miniProgram },
    note: data.note ?? null,
    materials,
    partner: partner.id,
    source: data.source ?? {},
    consent,
    status: "submitted",
    notifyByEmail: true,
    paymentState: "unpaid",
    suspectedSpam: suspectedSpam ?? null,
  } satisfies Partial<Order>;
  const { stageHistory, ...stage } = await stageFieldsOfChange(req, fields, undefined);
  const now = new Date().toISOString();
  const order: Omit<Order, "id"> = {
    ...fields,
    ...stage,
    stageHistory: stageHistory?.map((row) => ({ id: arrayRowId(), ...row })),
    uploadSlots: await typeUploadSlots(payload, data.filingType),
    createdAt: now,
    updatedAt: now,
  };
  const id = await createArrived(req, "orders", order, queueOrderArrivalEmails);
  return { id, orderNo, materials };
}

/**
 * Where an order stands. An unknown order number and a wrong phone get the same 404, so the
 * endpoint tells nothing to someone who has only one of the two; it is rate-limited like the rest.
 */
export function orderLookupHandler(env: TEnv) {
  return answerWithCors(env, "public order lookup", async (req, cors) => {
    const { data } = await readBody(req);
    await charge(limitersFor(req.payload, env).ip, rateLimitKey(clientIp(req)));
    const { orderNo, phone } = requireValid(validateOrderLookup(data, localeOf(req)));
    const order = await orderWithPhone(req, orderNo, phone);
    const answer = await lookupAnswerOf(req, order);
    return Response.json(answer, { headers: { ...cors, "Cache-Control": "no-store" } });
  });
}

/**
 * An order as its customer reads it (the lookup's answer, and each order of the customer center):
 * the timeline, the type's name and what to do now, in the words of the CMS's content.
 */
export async function lookupAnswerOf(
  req: PayloadRequest,
  order: TTimelineOrder,
): Promise<TOrderLookupAnswer> {
  const { stages, typeNames } = await customerTexts.get(req.payload);
  const timeline = orderTimeline(order, (key) => stages.get(key)?.title ?? key);
  const nextStep = stages.get(order.status)?.customerAction;
  const filingTypeName = typeNames.get(order.filingType);
  return {
    ...timeline,
    ...(filingTypeName ? { filingTypeName } : {}),
    ...(nextStep ? { nextStep } : {}),
  };
}

async function orderWithPhone(
  req: PayloadRequest,
  orderNo: string,
  phone: string,
): Promise<TTimelineOrder> {
  const { docs } = await req.payload.find({
    collection: "orders",
    where: {
      and: [
        { orderNo: { equals: orderNo.trim().toUpperCase() } },
        { "contact.phone": { equals: phone } },
      ],
    },
    limit: 1,
    pagination: false,
    depth: 0,
    select: TIMELINE_SELECT,
    overrideAccess: true,
  });
  const order = docs[0];
  if (!order) throw new Refusal("not_found");
  return order;
}
