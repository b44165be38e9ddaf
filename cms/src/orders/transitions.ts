/**
 * The order pipeline's transitions (CONTRACT §4): which stage may follow which. The stages
 * themselves are the contract's (`PIPELINE_STAGE_KEYS`, `TERMINAL_STAGE_KEYS`). Sales moves an order
 * by setting its `status`; anything else is refused with a 400 naming the allowed next stages.
 */
import type { TStageKey } from "@beian/contract";

export const NEXT_STAGES: Record<TStageKey, readonly TStageKey[]> = {
  submitted: ["preliminary_review", "rejected", "cancelled"],
  preliminary_review: ["platform_review", "rejected", "cancelled"],
  platform_review: ["sms_verification", "rejected", "cancelled"],
  sms_verification: ["bureau_review", "rejected", "cancelled"],
  bureau_review: ["filed", "rejected", "cancelled"],
  filed: ["police_filing"],
  police_filing: [],
  // A rejected filing is corrected and resubmitted, or given up.
  rejected: ["submitted", "cancelled"],
  cancelled: [],
};

export function canMove(from: TStageKey, to: TStageKey): boolean {
  return from === to || NEXT_STAGES[from].includes(to);
}
