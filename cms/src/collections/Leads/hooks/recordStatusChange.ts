import { type CollectionBeforeChangeHook, ValidationError } from "payload";

const linked = (value: unknown) => value !== null && value !== undefined && value !== "";

/**
 * Appends who moved a lead to which status, and when; the history itself is read-only.
 *
 * `converted` means "linked to the order it became": a lead enters it only together with its
 * `convertedOrder`, which POST /api/leads/:id/convert alone writes (no client may set that field),
 * and does not leave it while the order exists. So nobody marks a lead converted by hand, through
 * REST or the admin.
 */
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
    throw new ValidationError({
      collection: "leads",
      errors: [
        {
          path: "status",
          message:
            "「已转化」只能通过“转为订单”设置 / Only converting the lead into an order marks it converted",
        },
      ],
    });
  }
  if (from === "converted" && to !== "converted" && linked(order)) {
    throw new ValidationError({
      collection: "leads",
      errors: [
        {
          path: "status",
          message:
            "该线索已转化为订单,状态不能再改 / This lead became an order; its status stays converted",
        },
      ],
    });
  }
  if (operation === "create" || from !== to) {
    const history = Array.isArray(originalDoc?.statusHistory) ? originalDoc.statusHistory : [];
    data.statusHistory = [
      ...history,
      { from, to, by: req.user?.id ?? null, at: new Date().toISOString() },
    ];
  }
  return data;
};
