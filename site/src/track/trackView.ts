/**
 * What /track/ shows for a lookup answer: the state in words first (filing type, stage, deadline
 * with the time left, the ICP number, what to do now), a rejection's reasons and fixes, and the
 * stages as they really went — a rejected order ends at the stage that rejected it, a cancelled one
 * where it stopped, with no pending stages after either. Pure (the clock is an argument), so it is
 * unit-tested; the page's script only turns the result into elements.
 */
import type { TOrderLookupAnswer, TRejectionReason, TSiteLabel } from "@beian/contract";

/** The site-settings labels the page's words come from. */
export const TRACK_VIEW_LABELS = [
  "filingType",
  "trackStage",
  "trackDeadline",
  "trackNextStep",
  "trackTimeLeft",
  "trackOverdue",
  "trackIcpNumber",
  "trackRejectedAt",
  "trackSuggestion",
] as const satisfies readonly TSiteLabel[];

export type TTrackLabels = Record<(typeof TRACK_VIEW_LABELS)[number], string>;

export type TTrackTone = "progress" | "urgent" | "rejected" | "cancelled" | "filed";

export type TTrackStageState = "done" | "current" | "rejected" | "cancelled" | "pending";

export type TTrackStage = {
  key: string;
  title: string;
  state: TTrackStageState;
  /** When the order entered it, China time. */
  at?: string;
  /** The current stage's deadline in words. */
  deadline?: string;
  /** For the stage that stopped the order: the exit's title (已驳回). */
  note?: string;
};

export type TTrackView = {
  orderNo: string;
  tone: TTrackTone;
  /** [label, value] pairs the page leads with, in order. */
  facts: [string, string][];
  nextStep?: [string, string];
  rejection: TRejectionReason[];
  stages: TTrackStage[];
};

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** A longer deadline reads better as a date alone than as hundreds of hours left. */
const TIME_LEFT_WITHIN_MS = 48 * HOUR_MS;

const pad = (value: number) => String(value).padStart(2, "0");

/** An instant in China time, as 2026-11-30 12:44. */
export function chinaTime(iso: string): string {
  const date = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
  );
}

/** 剩余 5 小时 12 分 (the label's template), or the overdue label once the deadline has passed. */
export function timeLeft(deadline: string, now: number, labels: TTrackLabels): string {
  const left = new Date(deadline).getTime() - now;
  if (left <= 0) return labels.trackOverdue;
  const minutes = Math.floor(left / 60_000);
  return labels.trackTimeLeft
    .replace("{hours}", String(Math.floor(minutes / 60)))
    .replace("{minutes}", String(minutes % 60));
}

function deadlineText(deadline: string, now: number, labels: TTrackLabels): string {
  const left = new Date(deadline).getTime() - now;
  const date = chinaTime(deadline);
  return left < TIME_LEFT_WITHIN_MS ? `${date}(${timeLeft(deadline, now, labels)})` : date;
}

function toneOf(answer: TOrderLookupAnswer): TTrackTone {
  if (answer.status === "rejected") return "rejected";
  if (answer.status === "cancelled") return "cancelled";
  if (answer.status === "filed" || answer.status === "police_filing") return "filed";
  // The customer has 24 hours to answer the MIIT's text message, or the filing starts over.
  if (answer.status === "sms_verification") return "urgent";
  return "progress";
}

/**
 * The stages as they went. After a side exit the pipeline did not go on: the stages up to where it
 * stopped are kept, the stopping point is marked with the exit's title, later stages are left out.
 */
function stagesOf(answer: TOrderLookupAnswer, labels: TTrackLabels, now: number): TTrackStage[] {
  const exit = answer.stages.find((stage) => stage.key === answer.status);
  const pipeline = answer.stages
    .filter((stage) => stage.key !== "rejected" && stage.key !== "cancelled")
    .map(({ key, title, state, at, deadline }) => ({
      key,
      title,
      state: state as TTrackStageState,
      ...(at ? { at: chinaTime(at) } : {}),
      ...(deadline ? { deadline: deadlineText(deadline, now, labels) } : {}),
    }));
  if (answer.status !== "rejected" && answer.status !== "cancelled") return pipeline;
  const exitAt = exit?.at ? { at: chinaTime(exit.at) } : {};
  const exitTitle = exit?.title ?? "";
  const stop = pipeline.findIndex((stage) => stage.key === answer.rejectedStage);
  if (answer.status === "rejected" && stop !== -1) {
    const rejecting = { ...pipeline[stop], state: "rejected", note: exitTitle, ...exitAt };
    return [...pipeline.slice(0, stop), rejecting as TTrackStage];
  }
  const reached = pipeline.filter((stage) => stage.state !== "pending");
  return [
    ...reached.map((stage) => ({ ...stage, state: "done" as const })),
    { key: answer.status, title: exitTitle, state: answer.status, ...exitAt },
  ];
}

function stageFact(answer: TOrderLookupAnswer, labels: TTrackLabels): string {
  const current = answer.stages.find((stage) => stage.state === "current");
  const title = current?.title ?? "";
  if (answer.status !== "rejected" || !answer.rejectedStage) return title;
  const rejecting = answer.stages.find((stage) => stage.key === answer.rejectedStage);
  return `${title}(${labels.trackRejectedAt.replace("{stage}", rejecting?.title ?? "")})`;
}

export function trackView(
  answer: TOrderLookupAnswer,
  labels: TTrackLabels,
  now: number,
): TTrackView {
  const facts: [string, string][] = [
    [labels.filingType, answer.filingTypeName ?? ""],
    [labels.trackStage, stageFact(answer, labels)],
  ];
  const deadline = answer.stages.find((stage) => stage.state === "current")?.deadline;
  if (deadline) facts.push([labels.trackDeadline, deadlineText(deadline, now, labels)]);
  if (answer.icpNumber) facts.push([labels.trackIcpNumber, answer.icpNumber]);
  return {
    orderNo: answer.orderNo,
    tone: toneOf(answer),
    facts: facts.filter(([, value]) => value !== ""),
    ...(answer.nextStep ? { nextStep: [labels.trackNextStep, answer.nextStep] } : {}),
    rejection: answer.status === "rejected" ? (answer.rejection ?? []) : [],
    stages: stagesOf(answer, labels, now),
  };
}
