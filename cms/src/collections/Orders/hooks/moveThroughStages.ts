import type { TStageKey } from "@beian/contract";
import { type CollectionBeforeChangeHook, type PayloadRequest, ValidationError } from "payload";
import { nextChinaMidnight } from "../../../lib/chinaTime.ts";
import { checklistFor } from "../../../orders/checklist.ts";
import { canMove, NEXT_STAGES } from "../../../orders/transitions.ts";
import { deadlineFrom, type TDeadlineUnit } from "../../../orders/workingDays.ts";

type TOrderData = Record<string, unknown> & {
  entity?: { province?: string } | null;
  filingType?: string | null;
};
type TReason = { field?: string | null; reason?: string | null; suggestion?: string | null };
type THistoryRow = { stage?: string | null; enteredAt?: string | null };

function refuse(path: string, message: string): ValidationError {
  return new ValidationError({ collection: "orders", errors: [{ path, message }] });
}

const filled = (value: unknown) => typeof value === "string" && value.trim() !== "";

/** Reasons with both a field and a reason: what makes a rejection explainable to the customer. */
function completeReasons(rows: unknown): TReason[] {
  return Array.isArray(rows)
    ? (rows as TReason[]).filter((row) => row && filled(row.field) && filled(row.reason))
    : [];
}

/** The instant a date value stands for, or null when there is none (or it is not a date). */
function instantOf(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = new Date(value as string).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The deadline of `stage` for an order that entered it at `enteredAt` (null: the stage has none). */
async function deadlineOf(
  req: PayloadRequest,
  stage: TStageKey,
  order: TOrderData,
  enteredAt: Date,
): Promise<string | null> {
  const { docs } = await req.payload.find({
    collection: "filing-stages",
    where: { key: { equals: stage } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  });
  let amount = docs[0]?.deadline?.amount ?? undefined;
  const unit = (docs[0]?.deadline?.unit ?? undefined) as TDeadlineUnit | undefined;
  if (stage === "bureau_review") {
    const province = order.entity?.province;
    const filingType = order.filingType;
    if (province && filingType) {
      amount = (await checklistFor(req.payload, filingType as never, province, req))
        .reviewMaxWorkingDays;
    }
  }
  return amount && unit ? deadlineFrom(enteredAt, amount, unit).toISOString() : null;
}

/**
 * Sales moves an order by changing its `status`. Only the pipeline's transitions are accepted; each
 * move is recorded (stage, when, by whom, note) and sets the deadline of the new stage: the
 * stage's own (24 h for SMS verification, ...) or, for the bureau review, the province's maximum.
 * `stageDeadline` is computed here only (no client may write it: field access).
 *
 * - An order is `rejected` with at least one reason (field + reason); resubmitting it
 *   (`rejected → submitted`) clears the reasons and keeps them in the new history entry's note.
 * - `police_filing` is the last stage: sales records it as done with `policeFiledAt` (allowed only
 *   in that stage, not in the future). Recording it clears the deadline and notes who recorded it
 *   (`policeFiledBy`); clearing it again restores the stage's deadline.
 */
export const moveThroughStages: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const from = (operation === "create" ? undefined : originalDoc?.status) as TStageKey | undefined;
  const to = ((data.status as TStageKey | undefined) ?? from ?? "submitted") as TStageKey;
  if (from && to !== from && !canMove(from, to)) {
    throw refuse(
      "status",
      `不能从「${from}」改为「${to}」;可选:${NEXT_STAGES[from].join("、") || "无(已结束)"}`,
    );
  }
  const current = (field: string) =>
    data[field] !== undefined ? data[field] : operation === "update" ? originalDoc?.[field] : null;
  const order: TOrderData = {
    entity: (current("entity") ?? null) as TOrderData["entity"],
    filingType: (current("filingType") ?? null) as string | null,
  };
  const now = new Date();

  if (to === "rejected" && completeReasons(current("rejection")).length === 0) {
    throw refuse(
      "rejection",
      "驳回时请至少填写一条驳回原因(字段和原因) / Give at least one reason (field and reason) to reject an order",
    );
  }

  // Police filing done: only in its own stage, not later than today (China time).
  const filedAt = instantOf(current("policeFiledAt"));
  const wasFiledAt = operation === "update" ? instantOf(originalDoc?.policeFiledAt) : null;
  if (filedAt !== null) {
    if (to !== "police_filing") {
      throw refuse(
        "policeFiledAt",
        "只有处于「公安备案」阶段的订单才能登记公安备案完成 / Only an order in police filing can be recorded as police-filed",
      );
    }
    if (filedAt >= nextChinaMidnight(now.getTime())) {
      throw refuse(
        "policeFiledAt",
        "公安备案完成日期不能是将来 / The police filing cannot be done in the future",
      );
    }
  }
  const filingRecorded = filedAt !== wasFiledAt;
  if (filingRecorded) data.policeFiledBy = filedAt === null ? null : (req.user?.id ?? null);

  if (operation === "update" && from === to) {
    if (to === "police_filing" && filingRecorded) {
      const history = (originalDoc?.stageHistory ?? []) as THistoryRow[];
      const entered = history.findLast((row) => row.stage === to)?.enteredAt;
      data.stageDeadline =
        filedAt !== null ? null : await deadlineOf(req, to, order, new Date(entered ?? now));
    }
    return data;
  }

  let note = (data.stageNote as string | null | undefined) || null;
  if (from === "rejected" && to === "submitted") {
    const reasons = completeReasons(originalDoc?.rejection);
    if (reasons.length > 0) {
      const listed = reasons
        .map((row) => `${row.field}:${row.reason}${row.suggestion ? `(${row.suggestion})` : ""}`)
        .join(";");
      note = [note, `上次驳回原因:${listed}`].filter(Boolean).join(" | ");
    }
    data.rejection = [];
  }

  const history = Array.isArray(originalDoc?.stageHistory) ? originalDoc.stageHistory : [];
  data.status = to;
  data.stageHistory = [
    ...history,
    { stage: to, enteredAt: now.toISOString(), by: req.user?.id ?? null, note },
  ];
  data.stageNote = null;
  data.stageDeadline =
    to === "police_filing" && filedAt !== null ? null : await deadlineOf(req, to, order, now);
  return data;
};
