/**
 * Suspected spam on a lead or an order: why the public API set it aside (`suspectedSpam`; empty for
 * a genuine submission), and the sidebar box from which sales restores it. Only the public API
 * sets the mark and only restoring clears it (`restore.ts`): no client writes the field.
 */
import type { Field } from "payload";
import { nobodyField } from "../access/index.ts";
import { optionsOf, SPAM_REASON_LABELS } from "../admin/labels.ts";
import { SUSPECTED_SPAM } from "./mark.ts";

export const suspectedSpamField: Field = {
  name: SUSPECTED_SPAM,
  type: "select",
  label: { zh: "可疑提交", en: "Suspected spam" },
  options: optionsOf(SPAM_REASON_LABELS),
  index: true,
  access: { create: nobodyField, update: nobodyField },
  admin: {
    position: "sidebar",
    readOnly: true,
    condition: (data) => Boolean(data?.[SUSPECTED_SPAM]),
  },
};

/** The restore box, for those who may restore (sales and admins), on a suspected document only. */
export const restoreSubmissionField: Field = {
  name: "restoreSubmission",
  type: "ui",
  label: { zh: "恢复为正常提交", en: "Restore" },
  admin: {
    position: "sidebar",
    components: { Field: "/admin/RestoreSubmission/index.tsx#RestoreSubmission" },
    condition: (data, _sibling, { user }) =>
      Boolean(data?.[SUSPECTED_SPAM]) && (user?.role === "sales" || user?.role === "admin"),
  },
};
