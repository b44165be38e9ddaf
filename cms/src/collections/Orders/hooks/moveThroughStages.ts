/**
 * Sales moves an order with the stage actions (POST /api/orders/:id/move, `../move.ts`), which
 * change its `status`. The rules are the orders module's
 * (`orders/moves.ts`: allowed moves, rejection reasons, police filing, history, deadlines); this
 * hook only reads the change from Payload's arguments, refuses it as a validation error on the
 * field to correct, and writes the fields the rules set. `stageDeadline` is computed here only
 * (no client may write it: field access).
 */
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from "payload";
import { documentsRefusal } from "../../../materials/gate.ts";
import { stageDeadline } from "../../../orders/deadlines.ts";
import {
  refusalOf,
  stageFields,
  type TRefusal,
  type TStageChange,
  type TStageFields,
} from "../../../orders/moves.ts";
import type { Order } from "../../../payload-types.ts";

/** The refused field as its label, so Payload's toast names 「当前阶段」, never `status`. */
const FIELD_LABELS: Record<TRefusal["path"], { zh: string; en: string }> = {
  status: { zh: "当前阶段", en: "Stage" },
  rejection: { zh: "驳回原因", en: "Rejection reasons" },
  icpNumber: { zh: "备案号", en: "ICP number" },
  policeFiledAt: { zh: "公安备案完成日期", en: "Police filing done on" },
};

export const moveThroughStages: CollectionBeforeChangeHook<Order> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const before = operation === "update" ? originalDoc : undefined;
  return Object.assign(data, await stageFieldsOfChange(req, data, before));
};

/**
 * The fields a change of an order sets by the stage rules (`orders/moves.ts`), or the refusal of
 * the change as a validation error; `before` is the stored order, none for a new one. Also called
 * by the public endpoint, which writes a new order without Payload's create
 * (`public-api/orders.ts`).
 */
export async function stageFieldsOfChange(
  req: PayloadRequest,
  data: Partial<Order>,
  before: Order | undefined,
): Promise<TStageFields> {
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
  const refusal = refusalOf(change) ?? (await documentsRefusal(req, before, change.to));
  if (refusal) {
    // In the admin's language (Payload's own: the `payload-lng` cookie, else Accept-Language).
    const lang = req.i18n?.language === "en" ? "en" : "zh";
    const { path } = refusal;
    throw new ValidationError(
      {
        collection: "orders",
        errors: [{ path, label: FIELD_LABELS[path][lang], message: refusal.message[lang] }],
      },
      req.t,
    );
  }
  const order = { filingType: after("filingType"), province: after("entity")?.province };
  return stageFields(change, (stage, enteredAt) => stageDeadline(req, stage, order, enteredAt));
}
