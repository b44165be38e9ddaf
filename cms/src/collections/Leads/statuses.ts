/**
 * Which lead status may follow which, as sales works a lead by its actions (标记为已联系,
 * 标记为有意向, 标记为无效, 重新跟进). `converted` is not among them: only the conversion
 * (POST /api/leads/:id/convert) enters it, and only deleting the order leaves it (back to
 * `qualified`); `hooks/recordStatusChange.ts` guards both.
 */
import { LEAD_STATUS_LABELS, type TLeadStatus } from "../../admin/labels.ts";

export const LEAD_NEXT: Record<TLeadStatus, readonly TLeadStatus[]> = {
  new: ["contacted", "qualified", "lost"],
  contacted: ["qualified", "lost"],
  qualified: ["lost"],
  // A lost lead that comes back is worked again.
  lost: ["contacted"],
  converted: [],
};

/** The statuses sales moves a lead to by hand (the conversion sets `converted`). */
export const MANUAL_LEAD_STATUSES = [
  "contacted",
  "qualified",
  "lost",
] as const satisfies readonly TLeadStatus[];

const isWorked = (status: TLeadStatus) => status !== "converted";

/** Why a manual move is refused, in both admin languages; null when it may go. */
export function leadMoveRefusal(
  from: TLeadStatus | null,
  to: TLeadStatus,
): { zh: string; en: string } | null {
  if (from === null || from === to || !isWorked(from) || !isWorked(to)) return null;
  // Not a status at all: the select field's own validation refuses it.
  if (!Object.hasOwn(LEAD_STATUS_LABELS, to) || !Object.hasOwn(LEAD_NEXT, from)) return null;
  if (LEAD_NEXT[from].includes(to)) return null;
  const next = LEAD_NEXT[from];
  return {
    zh: `线索不能从「${LEAD_STATUS_LABELS[from].zh}」改为「${LEAD_STATUS_LABELS[to].zh}」;可选:${next
      .map((status) => `「${LEAD_STATUS_LABELS[status].zh}」`)
      .join("、")}`,
    en: `A lead that is "${LEAD_STATUS_LABELS[from].en}" cannot become "${LEAD_STATUS_LABELS[to].en}"; it can become ${next
      .map((status) => `"${LEAD_STATUS_LABELS[status].en}"`)
      .join(", ")}`,
  };
}
