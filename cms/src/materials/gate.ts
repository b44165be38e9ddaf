/**
 * An order leaves 初步审核 for the platform's review only with every required document accepted:
 * what goes to WeChat and the bureau is what sales has checked (the copy: "确认资料无误后,提交至小程序
 * 备案中心初审"). Rejecting or cancelling the order stays possible.
 */
import { PIPELINE_STAGE_KEYS, type TStageKey } from "@beian/contract";
import type { PayloadRequest } from "payload";
import type { TRefusal } from "../orders/moves.ts";
import type { Order } from "../payload-types.ts";
import { MATERIAL_STATUS_LABELS } from "./review.ts";
import { materialStatesOf, unfinished } from "./state.ts";

const PAST_FIRST_REVIEW: readonly TStageKey[] = PIPELINE_STAGE_KEYS.slice(
  PIPELINE_STAGE_KEYS.indexOf("preliminary_review") + 1,
);

export async function documentsRefusal(
  req: PayloadRequest,
  before: Order | undefined,
  to: TStageKey,
): Promise<TRefusal | undefined> {
  if (before?.status !== "preliminary_review" || !PAST_FIRST_REVIEW.includes(to)) return undefined;
  const open = unfinished(await materialStatesOf(req, before));
  if (open.length === 0) return undefined;
  const list = (lang: "zh" | "en") =>
    open.map((state) => `${state.item}(${MATERIAL_STATUS_LABELS[state.status][lang]})`);
  return {
    path: "status",
    message: {
      zh: `客户材料尚未全部审核通过,不能提交平台审核:${list("zh").join("、")}`,
      en: `Not every required document is accepted yet: ${list("en").join(", ")}`,
    },
  };
}
