/** The DOM events partners listen to on `document` (CONTRACT §6). */
import type { TApiErrorCode, TLeadCreated, TOrderCreated } from "@beian/contract";
import type { TFormKind } from "./constants.ts";

/** A server's error code, or the widget's own when there is no answer or nowhere to render. */
export type TWidgetErrorCode = TApiErrorCode | "network_error" | "target_not_found";

export type TEvents = {
  "beian:ready": { partner: string; mode: "floating" | "inline" };
  "beian:submitted": { kind: TFormKind; reference: string };
  "beian:error": { code: TWidgetErrorCode; message: string };
};

/** Set by the embed's form when the loader already said beian:ready (its launcher was shown). */
let readySaid = false;

/** The form script takes over from a loader that announced beian:ready: it is not said twice. */
export function readyAlreadySaid(): void {
  readySaid = true;
}

export function emit<K extends keyof TEvents>(name: K, detail: TEvents[K]): void {
  if (name === "beian:ready" && readySaid) return;
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

/** The human-readable reference of a created submission: a lead's reference, an order's number. */
export function referenceOf(created: TLeadCreated | TOrderCreated): string {
  return "orderNo" in created ? created.orderNo : created.reference;
}
