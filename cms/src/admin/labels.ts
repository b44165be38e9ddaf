/**
 * Names sales reads in the admin (Chinese first): lead statuses, order stages, filing types and why
 * a submission was set aside as suspected spam. The
 * collections' select options and the sales dashboard both use them, so a list filter and a
 * dashboard count always say the same thing. Stage names stay here rather than in `orders/`: they
 * are the admin's wording, beside the lead and filing-type names sales reads with them; customers
 * see the stage titles of the filing-stages content instead (`orders/timeline.ts`).
 */
import type { TFilingTypeSlug, TStageKey } from "@beian/contract";

export type TLabel = { zh: string; en: string };

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

/**
 * Why a submission was set aside as suspected spam (by the public API: `public-api/submission.ts`).
 * Sales reads the reason, never the key.
 */
export const SPAM_REASON_LABELS = {
  honeypot: {
    zh: "填写了访客看不到的隐藏栏(疑似机器人)",
    en: "Filled in a hidden field (likely a bot)",
  },
  too_fast: {
    zh: "打开表单后提交过快(疑似机器人)",
    en: "Sent too soon after opening the form (likely a bot)",
  },
  flood: {
    zh: "同一来源短时间内提交过多(疑似批量提交)",
    en: "Too many submissions from one source at once (likely a flood)",
  },
} as const satisfies Record<string, TLabel>;

export type TSpamReason = keyof typeof SPAM_REASON_LABELS;

/** `{ value, label }` options of a select field from one of the maps above. */
export function optionsOf<K extends string>(labels: Record<K, TLabel>, keys?: readonly K[]) {
  return (keys ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
}

/**
 * The order's stage actions (`admin/OrderActions`), named by the stage they move the order to:
 * what sales has just done, not the stage's name. `…` marks an action that asks for more first.
 */
export const STAGE_ACTION_LABELS: Record<TStageKey, TLabel> = {
  submitted: { zh: "重新提交", en: "Resubmit" },
  preliminary_review: { zh: "开始初审", en: "Start preliminary review" },
  platform_review: { zh: "初审通过,提交微信审核", en: "Passed: submit to WeChat review" },
  sms_verification: {
    zh: "微信审核通过,等待短信核验",
    en: "WeChat approved: await SMS verification",
  },
  bureau_review: { zh: "记录短信核验完成", en: "SMS verification done" },
  filed: { zh: "管局审核通过,录入备案号…", en: "Bureau approved: enter ICP number…" },
  police_filing: { zh: "开始公安备案", en: "Start police filing" },
  rejected: { zh: "驳回…", en: "Reject…" },
  cancelled: { zh: "取消订单…", en: "Cancel order…" },
};

/** A lead's actions (`admin/LeadActions`), by the status they set. */
export const LEAD_ACTION_LABELS = {
  contacted: { zh: "标记为已联系", en: "Mark contacted" },
  qualified: { zh: "标记为有意向", en: "Mark qualified" },
  lost: { zh: "标记为无效…", en: "Mark lost…" },
} as const satisfies Record<string, TLabel>;

/** Re-opening a lost lead is "contacted" again, named for what it is. */
export const LEAD_REOPEN_LABEL: TLabel = { zh: "重新跟进", en: "Work it again" };
