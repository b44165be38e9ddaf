/**
 * The shapes of the public API's answers (CONTRACT §3): what the CMS sends and what the widget and
 * the site read. Types only, so the widget pays nothing for them.
 */

import type { TApiErrorCode } from "./errors.ts";
import type { TFilingTypeSlug, TStageKey } from "./keys.ts";

/** Field path (`contact.phone`, `consent.privacy`) → a message for people. */
export type TFieldErrors = Record<string, string>;

/** Every error answer: `{ error: { code, message, fields? } }`. */
export type TApiError = { error: { code: TApiErrorCode; message: string; fields?: TFieldErrors } };

/** A filing type as the widget offers it. */
export type TWidgetFilingType = {
  slug: TFilingTypeSlug;
  name: string;
  audience?: string;
  features?: string[];
};

/** `GET /api/public/widget-config`. */
export type TWidgetConfig = {
  partner: { key: string; name: string; theme?: { primaryColor?: string | null | undefined } };
  filingTypes: TWidgetFilingType[];
  contact: { phone: string };
  consent: { privacyText: string; privacyUrl: string; sharingText?: string };
};

/** `POST /api/public/leads` → 201. */
export type TLeadCreated = { id: string | number; reference: string };

/** `POST /api/public/orders` → 201. */
export type TOrderCreated = { orderNo: string; status: TStageKey; materials: string[] };

export type TTimelineState = "done" | "current" | "pending";

/** One step of an order's timeline, as the lookup (and the customer center) shows it. */
export type TTimelineStage = {
  key: TStageKey;
  title: string;
  state: TTimelineState;
  /** ISO time the order entered this stage. */
  at?: string;
  /** ISO time by which the current stage should be done. */
  deadline?: string;
};

/** Why a field was rejected, and how to fix it. */
export type TRejectionReason = { field: string; reason: string; suggestion: string };

/** `POST /api/public/orders/lookup` → 200. */
export type TOrderLookupAnswer = {
  orderNo: string;
  filingType: TFilingTypeSlug;
  status: TStageKey;
  stages: TTimelineStage[];
  rejection?: TRejectionReason[];
  /** The filing type's name as the filing-types content gives it (个人小程序备案). */
  filingTypeName?: string;
  /** For a rejected order: the pipeline stage that rejected it. */
  rejectedStage?: TStageKey;
  /** What the customer should do now: the current stage's instruction from the filing-stages content. */
  nextStep?: string;
  /** Once filed: the ICP filing number the bureau issued (粤ICP备2026012345号-1X). */
  icpNumber?: string;
};

/** `POST /api/public/customer/session` → 200 (CONTRACT §7), with the session cookie. */
export type TCustomerSession = { customer: { phone: string } };

/** Where one checklist item of an order stands (CONTRACT §7). */
export type TMaterialStatus = "missing" | "uploaded" | "accepted" | "rejected";
export type TCustomerMaterial = {
  /** The upload slot's name, as the order's checklist gives it (本人身份证(人像面)). */
  item: string;
  required: boolean;
  status: TMaterialStatus;
  /** The current document, once uploaded: its id for GET /api/public/customer/materials/{id}. */
  id?: string;
  /** What the document is, to show it: a photo (JPEG or PNG) or a PDF. */
  kind?: "image" | "pdf";
  /** When the current document was uploaded (ISO 8601). */
  uploadedAt?: string;
  /** Whether the customer may upload (again) now: not once accepted or past the first review. */
  uploadable: boolean;
  /** A rejected document: the reason in words, and what to do (sales' note, else the reason's fix). */
  reason?: string;
  fix?: string;
};

/** `POST /api/public/customer/orders/{orderNo}/materials` → 201 (CONTRACT §7). */
export type TMaterialUploaded = { id: string; item: string; status: "uploaded" };

/** One order as its customer sees it: the lookup answer, its checklist's state and the ICP number. */
export type TCustomerOrder = TOrderLookupAnswer & { materials: TCustomerMaterial[] };

/**
 * `GET /api/public/customer/orders` → 200: who is signed in, whether they get emails beside the
 * texts (false once they turned emails off), and their orders.
 */
export type TCustomerOrders = {
  customer: { phone: string; notifyByEmail: boolean };
  orders: TCustomerOrder[];
};
