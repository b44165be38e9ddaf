/** The DOM events partners listen to on `document` (CONTRACT §6). */
import type { TFormKind } from "./constants.ts";

export type TEvents = {
  "beian:ready": { partner: string; mode: "floating" | "inline" };
  "beian:submitted": { kind: TFormKind; reference: string };
  "beian:error": { code: string; message: string };
};

export function emit<K extends keyof TEvents>(name: K, detail: TEvents[K]): void {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

/** The human-readable reference of a created submission: a lead's reference, an order's number. */
export function referenceOf(kind: TFormKind, data: Record<string, unknown>): string {
  return String((kind === "order" ? data.orderNo : data.reference) ?? "");
}
