import type { TStageKey } from "@beian/contract";
import { type CollectionBeforeChangeHook, ValidationError } from "payload";
import { checklistFor } from "../../../orders/checklist.ts";
import { canMove, NEXT_STAGES } from "../../../orders/stages.ts";
import { deadlineFrom, type TDeadlineUnit } from "../../../orders/workingDays.ts";

/**
 * Sales moves an order by changing its `status`. Only the pipeline's transitions are accepted; each
 * move is recorded (stage, when, by whom, note) and sets the deadline of the new stage: the
 * stage's own (24 h for SMS verification, ...) or, for the bureau review, the province's maximum.
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
    throw new ValidationError({
      collection: "orders",
      errors: [
        {
          path: "status",
          message: `不能从「${from}」改为「${to}」;可选:${NEXT_STAGES[from].join("、") || "无(已结束)"}`,
        },
      ],
    });
  }
  if (operation === "update" && from === to) return data;

  const now = new Date();
  const history = Array.isArray(originalDoc?.stageHistory) ? originalDoc.stageHistory : [];
  data.status = to;
  data.stageHistory = [
    ...history,
    {
      stage: to,
      enteredAt: now.toISOString(),
      by: req.user?.id ?? null,
      note: data.stageNote ?? null,
    },
  ];
  data.stageNote = null;

  const { docs } = await req.payload.find({
    collection: "filing-stages",
    where: { key: { equals: to } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  });
  const stage = docs[0];
  let amount = stage?.deadline?.amount ?? undefined;
  const unit = (stage?.deadline?.unit ?? undefined) as TDeadlineUnit | undefined;
  if (to === "bureau_review") {
    const province =
      (data.entity as { province?: string } | undefined)?.province ?? originalDoc?.entity?.province;
    const filingType = data.filingType ?? originalDoc?.filingType;
    if (province && filingType) {
      amount = (await checklistFor(req.payload, filingType, province, req)).reviewMaxWorkingDays;
    }
  }
  data.stageDeadline = amount && unit ? deadlineFrom(now, amount, unit).toISOString() : null;
  return data;
};
