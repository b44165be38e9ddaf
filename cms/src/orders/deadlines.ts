/**
 * Deadlines of the filing stages (CONTRACT §4): hours (SMS verification, 24 h), calendar days
 * (police filing, 30 days) or working days (reviews, 20 — Zhejiang 30), counted in China's time
 * zone. Working days skip Saturdays and Sundays; public holidays are not known here, so a deadline
 * over a holiday week is early, never late. The amounts are content (备案阶段), except the bureau
 * review's, which is the province's maximum from its rules.
 */
import type { TFilingTypeSlug, TStageKey } from "@beian/contract";
import type { PayloadRequest } from "payload";
import { CHINA_OFFSET_MS, DAY_MS, nextChinaMidnight } from "../lib/chinaTime.ts";
import { checklistFor } from "./checklist.ts";
import { customerTexts } from "./customerTexts.ts";

export type TDeadlineUnit = "hours" | "days" | "working_days";

/** Day of the week in China (0 = Sunday) for an instant. */
function chinaWeekday(ms: number): number {
  return new Date(ms + CHINA_OFFSET_MS).getUTCDay();
}

/**
 * `days` working days after `from`. Something that arrives on a weekend starts counting on Monday
 * at 00:00 China time (so a Saturday arrival is never due before a Friday-night one: the result
 * never moves backwards as `from` moves forwards).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let ms = from.getTime();
  while (chinaWeekday(ms) === 0 || chinaWeekday(ms) === 6) {
    ms = nextChinaMidnight(ms);
  }
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    const weekday = chinaWeekday(ms);
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms);
}

export function deadlineFrom(from: Date, amount: number, unit: TDeadlineUnit): Date {
  switch (unit) {
    case "hours":
      return new Date(from.getTime() + amount * 60 * 60 * 1000);
    case "days":
      return new Date(from.getTime() + amount * DAY_MS);
    case "working_days":
      return addWorkingDays(from, amount);
  }
}

/** What decides an order's deadlines besides its stage: the bureau review's depends on both. */
export type TDeadlineOrder = {
  filingType?: TFilingTypeSlug | null;
  province?: string | null;
};

/**
 * The deadline of `stage` for an order that entered it at `enteredAt` (null: the stage has none):
 * the stage's own from the filing-stages content or, for the bureau review, the province's maximum
 * in working days.
 */
export async function stageDeadline(
  req: PayloadRequest,
  stage: TStageKey,
  order: TDeadlineOrder,
  enteredAt: Date,
): Promise<string | null> {
  const deadline = (await customerTexts.get(req.payload)).stages.get(stage)?.deadline;
  const unit = deadline?.unit;
  let amount = deadline?.amount;
  if (stage === "bureau_review" && order.filingType && order.province) {
    amount = (await checklistFor(req.payload, order.filingType, order.province))
      .reviewMaxWorkingDays;
  }
  return amount && unit ? deadlineFrom(enteredAt, amount, unit).toISOString() : null;
}
