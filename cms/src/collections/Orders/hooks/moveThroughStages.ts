/**
 * Sales moves an order with the stage actions (POST /api/orders/:id/move, `../move.ts`), which
 * change its `status`. The rules are the orders module's
 * (`orders/moves.ts`: allowed moves, rejection reasons, police filing, history, deadlines); this
 * hook only reads the change from Payload's arguments, refuses it as a validation error on the
 * field to correct, and writes the fields the rules set. `stageDeadline` is computed here only
 * (no client may write it: field access).
 */
import { type CollectionBeforeChangeHook, ValidationError } from "payload";
import { stageDeadline } from "../../../orders/deadlines.ts";
import { refusalOf, stageFields, type TStageChange } from "../../../orders/moves.ts";
import type { Order } from "../../../payload-types.ts";

export const moveThroughStages: CollectionBeforeChangeHook<Order> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const before = operation === "update" ? originalDoc : undefined;
  /** A field as it will be after the change: sent, else stored. */
  const after = <K extends keyof Order>(field: K): Order[K] | undefined =>
    data[field] !== undefined ? data[field] : before?.[field];
  const change: TStageChange = {
    before,
    to: data.status ?? before?.status ?? "submitted",
    rejection: after("rejection"),
    policeFiledAt: after("policeFiledAt"),
    icpNumber: after("icpNumber"),
    note: data.stageNote || null,
    by: req.user?.id ?? null,
    now: new Date(),
  };
  const refusal = refusalOf(change);
  if (refusal) {
    // In the admin's language (Payload's own: the `payload-lng` cookie, else Accept-Language).
    const message = refusal.message[req.i18n?.language === "en" ? "en" : "zh"];
    throw new ValidationError(
      { collection: "orders", errors: [{ path: refusal.path, message }] },
      req.t,
    );
  }

  const order = { filingType: after("filingType"), province: after("entity")?.province };
  const fields = await stageFields(change, (stage, enteredAt) =>
    stageDeadline(req, stage, order, enteredAt),
  );
  return Object.assign(data, fields);
};
