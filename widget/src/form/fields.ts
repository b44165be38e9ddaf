/**
 * The fields of each form, in the order they are shown (and focused on errors), described once:
 * the form renders them, the submission body is built from their paths.
 */
import type { TFormKind } from "../constants.ts";
import type { TStrings } from "../i18n.ts";

export type TFieldSpec = {
  /** The payload path: also the control's name and its label's key in the texts. */
  path: keyof TStrings;
  /** An input's type (text when absent); "textarea" for a multi-line text. */
  type?: "tel" | "email" | "textarea";
  autoComplete?: string;
  required?: true;
  /** A select, with these options: the partner's filing types or the provinces. */
  options?: "filingTypes" | "provinces";
  /** The key of the hint shown under the control (a filing type's shows its audience). */
  hint?: "entityHint" | "appIdHint";
};

export const FIELDS: Record<TFormKind, readonly TFieldSpec[]> = {
  lead: [
    { path: "name", autoComplete: "name", required: true },
    { path: "phone", type: "tel", autoComplete: "tel", required: true },
    { path: "email", type: "email", autoComplete: "email" },
    { path: "company", autoComplete: "organization" },
    { path: "filingType", options: "filingTypes" },
    { path: "message", type: "textarea" },
  ],
  order: [
    { path: "filingType", options: "filingTypes", required: true },
    { path: "contact.name", autoComplete: "name", required: true },
    { path: "contact.phone", type: "tel", autoComplete: "tel", required: true },
    { path: "contact.email", type: "email", autoComplete: "email" },
    { path: "entity.name", autoComplete: "organization", hint: "entityHint" },
    { path: "entity.province", options: "provinces", required: true },
    { path: "miniProgram.name" },
    { path: "miniProgram.appId", hint: "appIdHint" },
    { path: "note", type: "textarea" },
  ],
};

export const CONSENT_FIELDS = ["consent.privacy", "consent.sharing"] as const;

/** The form controls a person fills in (not the honeypot). */
export const CONTROL = "input:not([tabindex='-1']),select,textarea";

/** The id of a field's control (`bw-order-contact-phone`); its hint and error add a suffix. */
export const fieldId = (kind: TFormKind, path: string): string =>
  `bw-${kind}-${path.replace(".", "-")}`;
