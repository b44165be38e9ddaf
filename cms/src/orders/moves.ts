/**
 * What a change to an order's stage checks and records (CONTRACT §4), as plain functions of the
 * order before and after the change: which move is allowed, what a rejection needs, what a
 * resubmission keeps, when the police filing may be recorded, the history entry a move writes and
 * the deadline the order then has. The Orders collection's hook only adapts Payload's arguments to
 * these, so the rules read (and are tested) in one place, without a database.
 *
 * - An order is `rejected` with at least one reason (field + reason); resubmitting it
 *   (`rejected → submitted`) clears the reasons and keeps them in the new history entry's note.
 * - An order is `filed` with the ICP number the bureau issued (`icpNumber`, checked for its form).
 * - `police_filing` is the last stage: sales records it as done with `policeFiledAt` (allowed only
 *   in that stage, not in the future). Recording it clears the deadline and notes who recorded it
 *   (`policeFiledBy`); clearing it again restores the stage's deadline.
 */
import type { TStageKey } from "@beian/contract";
import { STAGE_LABELS } from "../admin/labels.ts";
import { nextChinaMidnight } from "../lib/chinaTime.ts";
import type { Order } from "../payload-types.ts";
import { ICP_NUMBER_EXAMPLE, isIcpNumber } from "./icpNumber.ts";
import { canMove, NEXT_STAGES } from "./transitions.ts";

type TReason = NonNullable<Order["rejection"]>[number];
type THistory = NonNullable<Order["stageHistory"]>;

/** The stored order a change starts from (absent when the order is being created). */
export type TStoredOrder = Pick<
  Order,
  "status" | "rejection" | "stageHistory" | "policeFiledAt" | "icpNumber"
>;

export type TStageChange = {
  before: TStoredOrder | undefined;
  /** The stage the order is to be in. */
  to: TStageKey;
  /** The rejection reasons and police filing date the order will have after the change. */
  rejection: Order["rejection"] | undefined;
  policeFiledAt: Order["policeFiledAt"] | undefined;
  /** The ICP number the order will have (required to enter `filed`). */
  icpNumber?: Order["icpNumber"] | undefined;
  /** The note sent with the move (`stageNote`). */
  note: string | null;
  /** Who makes the change. */
  by: number | null;
  now: Date;
};

/** Why a change is refused, on the field the person should correct, in both admin languages. */
export type TRefusal = {
  path: "status" | "rejection" | "policeFiledAt" | "icpNumber";
  message: { zh: string; en: string };
};

/** The fields a change sets; the others stay as sent. */
export type TStageFields = Partial<
  Pick<
    Order,
    "status" | "stageHistory" | "stageNote" | "stageDeadline" | "rejection" | "policeFiledBy"
  >
>;

/** The deadline of `stage` for this order, entered at `enteredAt` (null: the stage has none). */
export type TDeadlineLookup = (stage: TStageKey, enteredAt: Date) => Promise<string | null>;

const filled = (value: string | null | undefined) =>
  typeof value === "string" && value.trim() !== "";

/** Reasons with both a field and a reason: what makes a rejection explainable to the customer. */
function completeReasons(rows: Order["rejection"] | undefined): TReason[] {
  // Checked, not trusted: a REST body reaches the stage rules before Payload validates its fields.
  return Array.isArray(rows)
    ? rows.filter((row) => row && filled(row.field) && filled(row.reason))
    : [];
}

/** The instant a date value stands for, or null when there is none (or it is not a date). */
function instantOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The stages named as staff read them: 「初步审核」、「已驳回」 (English: "Rejected", …). */
function stageList(stages: readonly TStageKey[], lang: "zh" | "en"): string {
  if (lang === "en") return stages.map((stage) => `"${STAGE_LABELS[stage].en}"`).join(", ");
  return stages.map((stage) => `「${STAGE_LABELS[stage].zh}」`).join("、");
}

function moveRefusal(from: TStageKey | undefined, to: TStageKey): TRefusal | null {
  if (!from || to === from || canMove(from, to)) return null;
  // Not a stage at all: the select field's own validation refuses it.
  if (!Object.hasOwn(STAGE_LABELS, to)) return null;
  const next = NEXT_STAGES[from];
  return {
    path: "status",
    message: {
      zh: `不能从「${STAGE_LABELS[from].zh}」改为「${STAGE_LABELS[to].zh}」;${
        next.length > 0 ? `可选:${stageList(next, "zh")}` : "该订单已结束,不能再变更阶段"
      }`,
      en: `An order in "${STAGE_LABELS[from].en}" cannot move to "${STAGE_LABELS[to].en}"; ${
        next.length > 0 ? `it can move to ${stageList(next, "en")}` : "it is closed"
      }`,
    },
  };
}

function rejectionRefusal(change: TStageChange): TRefusal | null {
  if (change.to !== "rejected" || completeReasons(change.rejection).length > 0) return null;
  return {
    path: "rejection",
    message: {
      zh: "驳回时请至少填写一条驳回原因(字段和原因)",
      en: "Give at least one reason (field and reason) to reject an order",
    },
  };
}

/** Entering `filed` needs the ICP number the bureau issued, in its form. */
function icpNumberRefusal(change: TStageChange): TRefusal | null {
  if (change.to !== "filed" || change.before?.status === "filed") return null;
  if (isIcpNumber(change.icpNumber)) return null;
  return {
    path: "icpNumber",
    message: filled(change.icpNumber)
      ? {
          zh: `备案号格式不正确,应如 ${ICP_NUMBER_EXAMPLE}`,
          en: `The ICP number is not in the right form, e.g. ${ICP_NUMBER_EXAMPLE}`,
        }
      : {
          zh: "备案成功时请录入管局下发的备案号",
          en: "Enter the ICP number the bureau issued to mark the order filed",
        },
  };
}

/** Police filing done: only in its own stage, not later than today (China time). */
function policeFilingRefusal(change: TStageChange): TRefusal | null {
  const filedAt = instantOf(change.policeFiledAt);
  if (filedAt === null) return null;
  if (change.to !== "police_filing") {
    return {
      path: "policeFiledAt",
      message: {
        zh: "只有处于「公安备案」阶段的订单才能登记公安备案完成",
        en: "Only an order in police filing can be recorded as police-filed",
      },
    };
  }
  if (filedAt >= nextChinaMidnight(change.now.getTime())) {
    return {
      path: "policeFiledAt",
      message: {
        zh: "公安备案完成日期不能是将来",
        en: "The police filing cannot be done in the future",
      },
    };
  }
  return null;
}

/** The refusal of a change, checked in the order a person would fix them; null when it may go. */
export function refusalOf(change: TStageChange): TRefusal | null {
  return (
    moveRefusal(change.before?.status, change.to) ??
    rejectionRefusal(change) ??
    icpNumberRefusal(change) ??
    policeFilingRefusal(change)
  );
}

/** Whether the change records the police filing done, or clears it. */
const policeFilingChanged = (change: TStageChange) =>
  instantOf(change.policeFiledAt) !== instantOf(change.before?.policeFiledAt);

/** A police filing recorded done leaves the last stage without a deadline. */
const policeFiled = (change: TStageChange) =>
  change.to === "police_filing" && instantOf(change.policeFiledAt) !== null;

/** The note of a resubmission's history entry: the one sent, then the reasons it answers. */
function resubmissionNote(note: string | null, reasons: TReason[]): string | null {
  if (reasons.length === 0) return note;
  const listed = reasons
    .map((row) => `${row.field}:${row.reason}${row.suggestion ? `(${row.suggestion})` : ""}`)
    .join(";");
  return [note, `上次驳回原因:${listed}`].filter(Boolean).join(" | ");
}

/** Into another stage: the history entry, the note consumed, the new stage's deadline. */
async function enterStage(
  change: TStageChange,
  deadlineOf: TDeadlineLookup,
): Promise<TStageFields> {
  const resubmitted = change.before?.status === "rejected" && change.to === "submitted";
  const note = resubmitted
    ? resubmissionNote(change.note, completeReasons(change.before?.rejection))
    : change.note;
  const entry = { stage: change.to, enteredAt: change.now.toISOString(), by: change.by, note };
  return {
    ...(resubmitted ? { rejection: [] } : {}),
    status: change.to,
    stageHistory: [...(change.before?.stageHistory ?? []), entry],
    stageNote: null,
    stageDeadline: policeFiled(change) ? null : await deadlineOf(change.to, change.now),
  };
}

/**
 * Staying in the police filing stage while its filing is recorded or cleared: no deadline once
 * done, the stage's own (from when the order entered it) again once cleared.
 */
async function recordPoliceFiling(
  change: TStageChange,
  deadlineOf: TDeadlineLookup,
): Promise<TStageFields> {
  if (policeFiled(change)) return { stageDeadline: null };
  const history: THistory = change.before?.stageHistory ?? [];
  const entered = history.findLast((row) => row.stage === change.to)?.enteredAt;
  return { stageDeadline: await deadlineOf(change.to, new Date(entered ?? change.now)) };
}

/**
 * The fields a permitted change sets (check `refusalOf` first). A change within the same stage
 * records nothing in the history; only recording or clearing the police filing moves its deadline.
 */
export async function stageFields(
  change: TStageChange,
  deadlineOf: TDeadlineLookup,
): Promise<TStageFields> {
  const recorded = policeFilingChanged(change);
  const recorder: TStageFields = recorded
    ? { policeFiledBy: instantOf(change.policeFiledAt) === null ? null : change.by }
    : {};
  if (change.before?.status !== change.to) {
    return { ...recorder, ...(await enterStage(change, deadlineOf)) };
  }
  if (change.to === "police_filing" && recorded) {
    return { ...recorder, ...(await recordPoliceFiling(change, deadlineOf)) };
  }
  return recorder;
}
