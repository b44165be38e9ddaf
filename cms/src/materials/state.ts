/**
 * An order's documents as the customer and the reviewer see them: each upload slot with its
 * current document (if any), its review, and whether the customer may upload to it now.
 */
import type { TCustomerMaterial, TMaterialStatus, TStageKey } from "@beian/contract";
import type { Payload, PayloadRequest } from "payload";
import { publishedTypeMaterials } from "../orders/checklist.ts";
import type { Material, Order } from "../payload-types.ts";
import { isDocumentRejectionReason, rejectionForCustomer } from "./review.ts";
import { storedSlots, type TUploadSlot, uploadSlotsOf } from "./slots.ts";

/** Until the first review is passed documents come in; after a rejection, corrections do. */
const UPLOAD_STAGES: readonly TStageKey[] = ["submitted", "preliminary_review"];

export function isUploadable(stage: TStageKey, status: TMaterialStatus): boolean {
  // A rejected order is corrected as a whole: even an accepted document may be replaced.
  if (stage === "rejected") return true;
  return UPLOAD_STAGES.includes(stage) && status !== "accepted";
}

/** The slots the order was placed with; an order from before slots existed gets its type's now. */
export async function slotsOf(req: PayloadRequest, order: Order): Promise<TUploadSlot[]> {
  return storedSlots(order.uploadSlots) ?? typeUploadSlots(req.payload, order.filingType);
}

/**
 * A filing type's upload slots as its published materials are now (orders/checklist.ts keeps them
 * in memory): what a new order keeps (collections/Orders/hooks/snapshotUploadSlots.ts, the public
 * endpoint's `storeOrder`).
 */
export async function typeUploadSlots(
  payload: Payload,
  filingType: Order["filingType"],
): Promise<TUploadSlot[]> {
  return uploadSlotsOf(await publishedTypeMaterials(payload, filingType));
}

/** The documents of these orders, newest first (a slot has one; the newest wins regardless). */
export async function documentsOf(
  req: PayloadRequest,
  orderIds: readonly (number | string)[],
): Promise<Material[]> {
  if (orderIds.length === 0) return [];
  const { docs } = await req.payload.find({
    collection: "materials",
    where: { order: { in: orderIds } },
    sort: "-createdAt",
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  });
  return docs;
}

/** Each slot with its document: the customer's view (CONTRACT §7) and the reviewer's. */
export function materialStates(
  slots: readonly TUploadSlot[],
  documents: readonly Material[],
  stage: TStageKey,
): TCustomerMaterial[] {
  return slots.map(({ item, required }) => {
    const document = documents.find((candidate) => candidate.item === item);
    const status: TMaterialStatus = document?.status ?? "missing";
    const state: TCustomerMaterial = {
      item,
      required,
      status,
      uploadable: isUploadable(stage, status),
    };
    if (!document) return state;
    Object.assign(state, {
      id: String(document.id),
      kind: document.contentType === "application/pdf" ? "pdf" : "image",
      uploadedAt: document.createdAt,
    });
    if (status === "rejected" && isDocumentRejectionReason(document.rejectionReason)) {
      Object.assign(state, rejectionForCustomer(document.rejectionReason, document.reviewNote));
    }
    return state;
  });
}

export async function materialStatesOf(
  req: PayloadRequest,
  order: Order,
): Promise<TCustomerMaterial[]> {
  const [slots, documents] = await Promise.all([slotsOf(req, order), documentsOf(req, [order.id])]);
  return materialStates(slots, documents, order.status);
}

/** Required slots whose document is not accepted yet: what keeps an order in 初步审核. */
export const unfinished = (states: readonly TCustomerMaterial[]) =>
  states.filter((state) => state.required && state.status !== "accepted");
