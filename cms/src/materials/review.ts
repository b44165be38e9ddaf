/**
 * Where a document stands and why a reviewer refused it. The reasons are the FAQ's common
 * rejection reasons that concern a document (orders/rejectionReasons.ts: the words the customer
 * already meets on /track/ and in emails); sales adds a note when the reason alone does not say it.
 */
import type { TMaterialStatus } from "@beian/contract";
import type { TLabel } from "../admin/labels.ts";
import { REJECTION_REASONS, type TRejectionReason } from "../orders/rejectionReasons.ts";

export const MATERIAL_STATUS_LABELS: Record<TMaterialStatus, TLabel> = {
  missing: { zh: "待上传", en: "Not uploaded" },
  uploaded: { zh: "已上传,待审核", en: "Uploaded, awaiting review" },
  accepted: { zh: "已通过", en: "Accepted" },
  rejected: { zh: "已驳回", en: "Rejected" },
};

export const REVIEWED_STATUSES = ["accepted", "rejected"] as const;
export type TReviewDecision = (typeof REVIEWED_STATUSES)[number];

export const DOCUMENT_REJECTION_REASONS = [
  "documents_invalid",
  "portrait_invalid",
  "details_mismatch",
  "pre_approval_invalid",
  "other",
] as const satisfies readonly TRejectionReason[];
export type TDocumentRejectionReason = (typeof DOCUMENT_REJECTION_REASONS)[number];

export const DOCUMENT_REJECTION_LABELS = Object.fromEntries(
  DOCUMENT_REJECTION_REASONS.map((key) => [
    key,
    { zh: REJECTION_REASONS[key].zh, en: REJECTION_REASONS[key].en },
  ]),
) as Record<TDocumentRejectionReason, TLabel>;

export const isDocumentRejectionReason = (value: unknown): value is TDocumentRejectionReason =>
  (DOCUMENT_REJECTION_REASONS as readonly unknown[]).includes(value);

/** A rejection as the customer reads it: the reason's words, and sales' note or else its fix. */
export function rejectionForCustomer(reason: TDocumentRejectionReason, note?: string | null) {
  const chosen = REJECTION_REASONS[reason];
  return { reason: chosen.zh, fix: note?.trim() || chosen.fix.zh };
}
