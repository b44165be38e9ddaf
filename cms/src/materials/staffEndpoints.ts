/**
 * Sales' side of the documents, on the materials collection:
 * - `GET /api/materials/:id/document[?download=1]` — the document itself, for sales and admins, each
 *   view and download recorded in 材料查看记录 (who, which, when) before it is sent;
 * - `GET /api/orders/:id/documents` — the order's upload slots with their documents and reviews
 *   (the order page's 客户材料);
 * - `POST /api/materials/:id/review` `{ decision: "accepted" | "rejected", reason?, note? }` —
 *   accept it, or reject it with a reason from the list (./review.ts) and a note for the customer,
 *   who is told by text and email in the same transaction.
 */
import type { Endpoint, PayloadRequest } from "payload";
import { inRequestTransaction } from "../db/transaction.ts";
import { answer } from "../endpoints/answer.ts";
import { readBody } from "../endpoints/body.ts";
import { Refusal } from "../endpoints/refusal.ts";
import type { TEnv } from "../env.ts";
import type { Material, Order } from "../payload-types.ts";
import {
  findForCaller,
  invalid,
  languageOf,
  optionalNote,
  requireSales,
  type TLang,
} from "../stageActions/endpoint.ts";
import { documentResponse, isDocumentId } from "./documentResponse.ts";
import { keyringOf } from "./encryption.ts";
import { queueDocumentRejected } from "./notify.ts";
import {
  isDocumentRejectionReason,
  REVIEWED_STATUSES,
  type TDocumentRejectionReason,
  type TReviewDecision,
} from "./review.ts";
import { materialStatesOf } from "./state.ts";
import { orderIdOf, readDocument } from "./store.ts";

const TEXTS = {
  decision: { zh: "请选择通过或驳回", en: "Choose accept or reject" },
  reason: { zh: "请从列表中选择驳回原因", en: "Choose the reason from the list" },
} as const;

export function materialStaffEndpoints(env: TEnv): Endpoint[] {
  const keyring = keyringOf(env.MATERIALS_ENCRYPTION_KEY, env.MATERIALS_PREVIOUS_KEYS);
  return [
    {
      path: "/:id/document",
      method: "get",
      handler: answer({ name: "material document" }, async (req) => {
        requireSales(req);
        const material = await findMaterial(req);
        const download = req.searchParams.get("download") === "1";
        const bytes = await readDocument(req, keyring, material);
        await recordAccess(req, material, download ? "download" : "view");
        return documentResponse(material, bytes, { download });
      }),
    },
    {
      path: "/:id/review",
      method: "post",
      handler: answer({ name: "material review" }, async (req) => {
        requireSales(req);
        const review = readReview((await readBody(req)).data, languageOf(req));
        const material = await findMaterial(req);
        const reviewed = await inRequestTransaction(req, async () => {
          const updated = await saveReview(req, material, review);
          if (review.decision === "rejected") await queueDocumentRejected(req, updated);
          return updated;
        });
        return Response.json({ id: String(reviewed.id), status: reviewed.status });
      }),
    },
  ];
}

/** On the orders collection: the order's documents as its page shows them. */
export const orderDocumentsEndpoint: Endpoint = {
  path: "/:id/documents",
  method: "get",
  handler: answer({ name: "order documents" }, async (req) => {
    requireSales(req);
    const order = (await findForCaller(req, "orders")) as unknown as Order;
    const documents = await materialStatesOf(req, order);
    return Response.json({ documents }, { headers: { "Cache-Control": "no-store" } });
  }),
};

async function findMaterial(req: PayloadRequest): Promise<Material> {
  const id = String(req.routeParams?.id ?? "");
  if (!isDocumentId(id)) throw new Refusal("not_found");
  const { docs } = await req.payload.find({
    collection: "materials",
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    req,
  });
  const material = docs[0];
  if (!material) throw new Refusal("not_found");
  return material;
}

type TReview = { decision: TReviewDecision; reason: TDocumentRejectionReason | null; note: string };

function readReview(data: unknown, lang: TLang): TReview {
  const body = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const errors: Record<string, string> = {};
  const decision = body.decision;
  if (!(REVIEWED_STATUSES as readonly unknown[]).includes(decision)) {
    errors.decision = TEXTS.decision[lang];
  }
  const rejected = decision === "rejected";
  if (rejected && !isDocumentRejectionReason(body.reason)) errors.reason = TEXTS.reason[lang];
  const note = optionalNote(body.note, "note", lang, errors);
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return {
    decision: decision as TReviewDecision,
    reason: rejected ? (body.reason as TDocumentRejectionReason) : null,
    note: rejected ? (note ?? "") : "",
  };
}

function saveReview(req: PayloadRequest, material: Material, review: TReview): Promise<Material> {
  return req.payload.update({
    collection: "materials",
    id: material.id,
    data: {
      status: review.decision,
      rejectionReason: review.reason,
      reviewNote: review.note || null,
      reviewedBy: req.user?.id ?? null,
      reviewedAt: new Date().toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  });
}

async function recordAccess(
  req: PayloadRequest,
  material: Material,
  action: "view" | "download",
): Promise<void> {
  const order = await req.payload.findByID({
    collection: "orders",
    id: orderIdOf(material),
    depth: 0,
    overrideAccess: true,
    select: { orderNo: true },
    req,
  });
  await req.payload.create({
    collection: "material-views",
    data: {
      at: new Date().toISOString(),
      user: req.user?.id ?? null,
      userEmail: req.user && "email" in req.user ? String(req.user.email) : null,
      action,
      material: material.id,
      orderNo: order.orderNo,
      item: material.item,
    },
    overrideAccess: true,
    req,
  });
}
