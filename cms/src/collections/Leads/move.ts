/**
 * `POST /api/leads/:id/move` — a lead's actions (标记为已联系, 标记为有意向, 标记为无效,
 * 重新跟进): `{ to, lostReason? }`, `to` one of `contacted`, `qualified`, `lost` (`converted` is the
 * conversion's: POST /api/leads/:id/convert). Which move is allowed is the collection hook's rule
 * (`statuses.ts`, enforced on every write); a lost lead needs its reason (the field's rule).
 * Refusals come back in the contract's error shape in the admin's language.
 */
import type { Endpoint } from "payload";
import { LEAD_STATUS_LABELS } from "../../admin/labels.ts";
import { answer } from "../../endpoints/answer.ts";
import { readBody } from "../../endpoints/body.ts";
import {
  findForCaller,
  invalid,
  languageOf,
  requireSales,
  type TLang,
  withRuleRefusals,
} from "../../stageActions/endpoint.ts";
import { MANUAL_LEAD_STATUSES } from "./statuses.ts";

type TManualStatus = (typeof MANUAL_LEAD_STATUSES)[number];
export type TLeadMove = { to: TManualStatus; lostReason: string | null };

const MAX_REASON = 200;

export function readLeadMove(body: unknown, lang: TLang): TLeadMove {
  const data = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const to = (MANUAL_LEAD_STATUSES as readonly unknown[]).includes(data.to)
    ? (data.to as TManualStatus)
    : null;
  if (!to) throw invalid({ to: lang === "en" ? "Choose the action" : "请选择要进行的操作" });
  const reason = data.lostReason;
  if (
    reason !== undefined &&
    reason !== null &&
    (typeof reason !== "string" || reason.length > MAX_REASON)
  ) {
    throw invalid({
      lostReason:
        lang === "en"
          ? `The reason has at most ${MAX_REASON} characters`
          : `流失原因最多 ${MAX_REASON} 字`,
    });
  }
  return { to, lostReason: typeof reason === "string" ? reason.trim() || null : null };
}

export const moveLeadEndpoint: Endpoint = {
  path: "/:id/move",
  method: "post",
  handler: answer({ name: "lead move" }, async (req) => {
    requireSales(req);
    const lang = languageOf(req);
    const move = readLeadMove((await readBody(req)).data, lang);
    const lead = await findForCaller(req, "leads");
    if (lead.status === move.to) {
      const label = LEAD_STATUS_LABELS[move.to];
      throw invalid({
        status: lang === "en" ? `The lead is already "${label.en}"` : `线索已是「${label.zh}」`,
      });
    }
    const updated = await withRuleRefusals(() =>
      req.payload.update({
        collection: "leads",
        id: lead.id,
        data: { status: move.to, ...(move.to === "lost" ? { lostReason: move.lostReason } : {}) },
        overrideAccess: false,
        req,
        depth: 0,
      }),
    );
    return Response.json(
      { lead: { id: updated.id, status: updated.status, lostReason: updated.lostReason ?? null } },
      { headers: { "Cache-Control": "no-store" } },
    );
  }),
};
