/**
 * Where an order stands, as the customer sees it: every pipeline stage done, current or pending,
 * when the order entered it, the current stage's deadline, and the side exit (rejected or
 * cancelled) with its reasons. A pure function of the stored order, so the lookup endpoint (and,
 * later, the customer center) answer the same timeline without asking the database again.
 */
import {
  PIPELINE_STAGE_KEYS,
  type TOrderLookupAnswer,
  type TStageKey,
  type TTimelineStage,
} from "@beian/contract";
import type { Order } from "../payload-types.ts";
import { fixOfReason } from "./rejectionReasons.ts";

/** The fields of an order the timeline reads. */
export type TTimelineOrder = Pick<
  Order,
  | "orderNo"
  | "filingType"
  | "status"
  | "stageHistory"
  | "stageDeadline"
  | "policeFiledAt"
  | "rejection"
  | "icpNumber"
>;

/**
 * Those fields, as a `select` for Payload's find: the lookup reads only them. Measured on the
 * Local API, a find of one order takes a third of the time with them alone (about 1.1 ms, not
 * 3.3 ms: Payload walks every field of the document after reading it).
 */
export const TIMELINE_SELECT = {
  orderNo: true,
  filingType: true,
  status: true,
  stageHistory: true,
  stageDeadline: true,
  policeFiledAt: true,
  rejection: true,
  icpNumber: true,
} as const satisfies Record<keyof TTimelineOrder, true>;

type THistory = NonNullable<TTimelineOrder["stageHistory"]>;

/**
 * A resubmission (`rejected` → `submitted`) starts the pipeline afresh: only the history since
 * the latest entry into `submitted` says which stages are done, and when.
 */
function currentRound(history: THistory): THistory {
  const restart = history.findLastIndex((entry) => entry.stage === "submitted");
  return restart > 0 ? history.slice(restart) : history;
}

/** The pipeline read as plain strings, so a history row's free-text stage can be looked up. */
const PIPELINE_KEYS: readonly string[] = PIPELINE_STAGE_KEYS;

/** Index in the pipeline, -1 for a side exit or a key that is not a stage. */
const pipelineIndex = (stage: string | null | undefined) => PIPELINE_KEYS.indexOf(stage ?? "");

function pipelineStages(
  order: TTimelineOrder,
  history: THistory,
  stageTitle: (key: TStageKey) => string,
): TTimelineStage[] {
  const current = order.status;
  const lastReached = Math.max(
    pipelineIndex(current),
    ...history.map((entry) => pipelineIndex(entry.stage)),
  );
  // The last stage has no stage after it: it is done when sales records the police filing.
  const finished = current === "police_filing" && Boolean(order.policeFiledAt);
  return PIPELINE_STAGE_KEYS.map((key, index) => {
    const state =
      key === current && !finished ? "current" : index <= lastReached ? "done" : "pending";
    const at = enteredAt(history, key);
    return {
      key,
      title: stageTitle(key),
      state,
      ...(at ? { at } : {}),
      ...(state === "current" && order.stageDeadline ? { deadline: order.stageDeadline } : {}),
    };
  });
}

/** The pipeline stage an order was in when it was rejected: the last one entered before it. */
function rejectingStage(history: THistory): TStageKey | undefined {
  const rejected = history.findLastIndex((entry) => entry.stage === "rejected");
  const before = history.slice(0, rejected === -1 ? history.length : rejected);
  const stage = before.findLast((entry) => pipelineIndex(entry.stage) !== -1)?.stage;
  return stage ? PIPELINE_STAGE_KEYS[pipelineIndex(stage)] : undefined;
}

function enteredAt(history: THistory, key: TStageKey): string | undefined {
  return history.findLast((entry) => entry.stage === key)?.enteredAt ?? undefined;
}

/** The lookup's answer for `order`; `stageTitle` names a stage as the filing-stages content does. */
export function orderTimeline(
  order: TTimelineOrder,
  stageTitle: (key: TStageKey) => string,
): TOrderLookupAnswer {
  const history = currentRound(order.stageHistory ?? []);
  const current = order.status;
  const stages = pipelineStages(order, history, stageTitle);
  const rejectedStage = current === "rejected" ? rejectingStage(history) : undefined;
  if (current === "rejected" || current === "cancelled") {
    const at = enteredAt(history, current);
    stages.push({
      key: current,
      title: stageTitle(current),
      state: "current",
      ...(at ? { at } : {}),
    });
  }
  return {
    orderNo: order.orderNo,
    filingType: order.filingType,
    status: current,
    stages,
    ...(rejectedStage ? { rejectedStage } : {}),
    ...((current === "filed" || current === "police_filing") && order.icpNumber
      ? { icpNumber: order.icpNumber }
      : {}),
    ...(current === "rejected" && order.rejection?.length
      ? {
          rejection: order.rejection.map((item) => ({
            field: item.field,
            reason: item.reason,
            // Sales's note or the reason's fix, as stored; a row stored without either gets the
            // fix of its reason now.
            suggestion: item.suggestion || fixOfReason(item.reason),
          })),
        }
      : {}),
  };
}
