/**
 * `POST /api/orders/:id/move` — the order's stage actions (开始初审, 驳回…, 录入备案号…):
 * `{ to, note?, rejection?: [{ field, reason, note? }], icpNumber? }`. The rules stay the orders
 * module's (`orders/moves.ts`, enforced by the collection's hook on every write); this endpoint
 * reads the action, takes the rejection's field and reason from the fixed lists
 * (`orders/rejectionReasons.ts`) and stores their Chinese words, and answers every refusal in the
 * contract's error shape in the admin's language: 401, 403, 404, 400 naming the field to correct.
 * `status`, `rejection`, `icpNumber` and `stageNote` are written here only (field access).
 */
import { STAGE_KEYS, type TStageKey } from "@beian/contract";
import type { Endpoint, PayloadRequest } from "payload";
import { STAGE_LABELS } from "../../admin/labels.ts";
import { answer } from "../../endpoints/answer.ts";
import { readBody } from "../../endpoints/body.ts";
import { normalIcpNumber } from "../../orders/icpNumber.ts";
import {
  REJECTION_FIELDS,
  REJECTION_REASONS,
  storedRejection,
  type TRejectionChoice,
} from "../../orders/rejectionReasons.ts";
import {
  findForCaller,
  invalid,
  languageOf,
  optionalNote,
  requireSales,
  type TLang,
  withRuleRefusals,
} from "../../stageActions/endpoint.ts";

export type TOrderMove = {
  to: TStageKey;
  note: string | null;
  rejection: TRejectionChoice[];
  icpNumber: string | null;
};

const MAX_ROWS = 20;

const TEXTS = {
  to: { zh: "请选择要进行的操作", en: "Choose the action" },
  rows: { zh: `驳回原因最多 ${MAX_ROWS} 条`, en: `At most ${MAX_ROWS} reasons` },
  field: { zh: "请从列表中选择被驳回的项目", en: "Choose the rejected item from the list" },
  reason: { zh: "请从列表中选择驳回原因", en: "Choose the reason from the list" },
  icpNumber: { zh: "请填写备案号", en: "Enter the ICP number" },
} as const;

type TErrors = Record<string, string>;

const isText = (value: unknown): value is string => typeof value === "string";
const isKeyOf = <T extends object>(map: T, value: unknown): value is keyof T =>
  typeof value === "string" && Object.hasOwn(map, value);

function rejectionRows(value: unknown, lang: TLang, errors: TErrors): TRejectionChoice[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_ROWS) {
    errors.rejection = TEXTS.rows[lang];
    return [];
  }
  const rows: TRejectionChoice[] = [];
  value.forEach((row: Record<string, unknown> | null, index) => {
    const { field, reason, note } = row ?? {};
    if (!isKeyOf(REJECTION_FIELDS, field)) errors[`rejection.${index}.field`] = TEXTS.field[lang];
    if (!isKeyOf(REJECTION_REASONS, reason)) {
      errors[`rejection.${index}.reason`] = TEXTS.reason[lang];
    }
    const kept = optionalNote(note, `rejection.${index}.note`, lang, errors);
    if (isKeyOf(REJECTION_FIELDS, field) && isKeyOf(REJECTION_REASONS, reason)) {
      rows.push({ field, reason, ...(kept ? { note: kept } : {}) });
    }
  });
  return rows;
}

/** The action as sent, or a 400 naming each field that cannot be read. */
export function readOrderMove(body: unknown, lang: TLang): TOrderMove {
  const data = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const errors: TErrors = {};
  const to = (STAGE_KEYS as readonly unknown[]).includes(data.to) ? (data.to as TStageKey) : null;
  if (!to) errors.to = TEXTS.to[lang];
  const note = optionalNote(data.note, "note", lang, errors);
  const rejection = rejectionRows(data.rejection, lang, errors);
  let icpNumber: string | null = null;
  if (data.icpNumber !== undefined && data.icpNumber !== null) {
    if (isText(data.icpNumber) && data.icpNumber.length <= 60) {
      icpNumber = normalIcpNumber(data.icpNumber) || null;
    } else errors.icpNumber = TEXTS.icpNumber[lang];
  }
  if (!to || Object.keys(errors).length > 0) throw invalid(errors);
  return { to, note, rejection, icpNumber };
}

/** The fields the move writes; the hook checks them against the rules and adds the history. */
function moveData(move: TOrderMove) {
  return {
    status: move.to,
    stageNote: move.note,
    ...(move.to === "rejected" ? { rejection: move.rejection.map(storedRejection) } : {}),
    ...(move.to === "filed" ? { icpNumber: move.icpNumber } : {}),
  };
}

async function moveOrder(req: PayloadRequest, move: TOrderMove, lang: TLang) {
  const order = await findForCaller(req, "orders");
  const status = order.status as TStageKey;
  if (status === move.to) {
    const label = STAGE_LABELS[status];
    throw invalid({
      status: lang === "en" ? `The order is already in "${label.en}"` : `订单已处于「${label.zh}」`,
    });
  }
  return withRuleRefusals(() =>
    req.payload.update({
      collection: "orders",
      id: order.id,
      data: moveData(move),
      // Sales may not write these fields through REST or the admin form: only through here.
      overrideAccess: true,
      req,
      depth: 0,
    }),
  );
}

export const moveOrderEndpoint: Endpoint = {
  path: "/:id/move",
  method: "post",
  handler: answer({ name: "order move" }, async (req) => {
    requireSales(req);
    const lang = languageOf(req);
    const move = readOrderMove((await readBody(req)).data, lang);
    const order = await moveOrder(req, move, lang);
    const { id, status, stageDeadline, icpNumber } = order;
    return Response.json(
      { order: { id, status, stageDeadline, icpNumber } },
      { headers: { "Cache-Control": "no-store" } },
    );
  }),
};
