import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from "payload";
import type { TLeadStatus } from "../../../admin/labels.ts";
import { leadMoveRefusal } from "../statuses.ts";

const linked = (value: unknown) => value !== null && value !== undefined && value !== "";

/**
 * Refuses a move the lead's actions do not allow (`../statuses.ts`) and appends who moved a lead to which status, and when; the history itself is read-only.
 *
 * `converted` means "linked to the order it became": a lead enters it only together with its
 * `convertedOrder`, which POST /api/leads/:id/convert alone writes (no client may set that field),
 * and does not leave it while the order exists. So nobody marks a lead converted by hand, through
 * REST or the admin.
 */
/** A refusal on `status`, in the admin's language. */
function refuse(req: PayloadRequest, message: { zh: string; en: string }): never {
  const lang = req.i18n?.language === "en" ? "en" : "zh";
  throw new ValidationError(
    {
      collection: "leads",
      errors: [
        {
          path: "status",
          label: lang === "en" ? "Status" : "状态",
          message: message[lang],
        },
      ],
    },
    req.t,
  );
}

export const recordStatusChange: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from =
    operation === "create" ? null : ((originalDoc?.status as string | undefined) ?? null);
  const to = (data.status as string | undefined) ?? from ?? "new";
  const order =
    data.convertedOrder !== undefined
      ? data.convertedOrder
      : operation === "update"
        ? originalDoc?.convertedOrder
        : null;
  if (to === "converted" && from !== "converted" && !linked(order)) {
    refuse(req, {
      zh: "「已转化」只能通过“转为订单”设置",
      en: "Only converting the lead into an order marks it converted",
    });
  }
  if (from === "converted" && to !== "converted" && linked(order)) {
    refuse(req, {
      zh: "该线索已转化为订单,状态不能再改",
      en: "This lead became an order; its status stays converted",
    });
  }
  const refusal = leadMoveRefusal(from as TLeadStatus | null, to as TLeadStatus);
  if (refusal) refuse(req, refusal);
  if (operation === "create" || from !== to) {
    const history = Array.isArray(originalDoc?.statusHistory) ? originalDoc.statusHistory : [];
    data.statusHistory = [
      ...history,
      statusHistoryEntry(from as TLeadStatus | null, to as TLeadStatus, req.user?.id ?? null),
    ];
  }
  return data;
};

/** A row of the status history: who moved the lead from which status to which, and when. */
export function statusHistoryEntry(
  from: TLeadStatus | null,
  to: TLeadStatus,
  by: number | null,
): { from: TLeadStatus | null; to: TLeadStatus; by: number | null; at: string } {
  return { from, to, by, at: new Date().toISOString() };
}
