/**
 * Names sales reads in the admin (Chinese first): lead statuses, order stages and filing types. The
 * collections' select options and the sales dashboard both use them, so a list filter and a
 * dashboard count always say the same thing. Stage names stay here rather than in `orders/`: they
 * are the admin's wording, beside the lead and filing-type names sales reads with them; customers
 * see the stage titles of the filing-stages content instead (`orders/timeline.ts`).
 */
import type { TFilingTypeSlug, TStageKey } from "@beian/contract";

type TLabel = { zh: string; en: string };

export const LEAD_STATUS_LABELS = {
  new: { zh: "新线索", en: "New" },
  contacted: { zh: "已联系", en: "Contacted" },
  qualified: { zh: "有意向", en: "Qualified" },
  converted: { zh: "已转化", en: "Converted" },
  lost: { zh: "已流失", en: "Lost" },
} as const satisfies Record<string, TLabel>;

export type TLeadStatus = keyof typeof LEAD_STATUS_LABELS;

export const STAGE_LABELS: Record<TStageKey, TLabel> = {
  submitted: { zh: "已提交", en: "Submitted" },
  preliminary_review: { zh: "初步审核", en: "Preliminary review" },
  platform_review: { zh: "微信官方审核", en: "Platform review" },
  sms_verification: { zh: "短信核验", en: "SMS verification" },
  bureau_review: { zh: "管局审核", en: "Bureau review" },
  filed: { zh: "备案成功", en: "Filed" },
  police_filing: { zh: "公安备案", en: "Police filing" },
  rejected: { zh: "已驳回", en: "Rejected" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};

export const FILING_TYPE_LABELS: Record<TFilingTypeSlug, TLabel> = {
  personal: { zh: "个人备案", en: "Personal" },
  "individual-business": { zh: "个体户备案", en: "Individual business" },
  enterprise: { zh: "企业备案", en: "Enterprise" },
};

/** `{ value, label }` options of a select field from one of the maps above. */
export function optionsOf<K extends string>(labels: Record<K, TLabel>, keys?: readonly K[]) {
  return (keys ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
}
