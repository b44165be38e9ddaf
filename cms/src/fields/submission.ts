/**
 * What a prospect's submission brought with it, on the lead or order it created: the partner it
 * came through, the page and campaign it came from, and what the prospect consented to. Field
 * names follow the public payloads (CONTRACT §3).
 */
import type { Field } from "payload";
import { nobodyField } from "../access/index.ts";
import { chinaTime } from "./chinaTime.ts";

/** What the prospect sent and consented to is evidence: nobody edits it after the fact. */
export const evidence = { access: { update: nobodyField }, admin: { readOnly: true } } as const;

/** The campaign parameters (utm_source…) a prospect's link carried, by what they mean. */
const UTM_LABELS = {
  source: { zh: "来源", en: "Source" },
  medium: { zh: "媒介", en: "Medium" },
  campaign: { zh: "活动", en: "Campaign" },
  term: { zh: "关键词", en: "Term" },
  content: { zh: "内容", en: "Content" },
};

export const partnerField: Field = {
  name: "partner",
  type: "relationship",
  relationTo: "partners",
  label: { zh: "来源合作伙伴", en: "Partner" },
  index: true,
  access: evidence.access,
  admin: {
    position: "sidebar",
    readOnly: true,
    // The partner's name in the list at once, not 加载中… first.
    components: { Cell: "/admin/NameCells/index.tsx#PartnerCell" },
  },
};

export const sourceField: Field = {
  name: "source",
  type: "group",
  label: { zh: "来源", en: "Source" },
  ...evidence,
  fields: [
    { name: "pageUrl", type: "text", label: { zh: "页面", en: "Page" } },
    { name: "referrer", type: "text", label: { zh: "来源网站", en: "Referrer" } },
    {
      name: "utm",
      type: "group",
      label: { zh: "UTM 推广参数", en: "UTM" },
      fields: Object.entries(UTM_LABELS).map(([name, label]) => ({
        name,
        type: "text" as const,
        label,
      })),
    },
  ],
};

export const consentRecordField: Field = {
  name: "consent",
  type: "group",
  label: { zh: "同意记录", en: "Consent record" },
  ...evidence,
  fields: [
    { name: "privacy", type: "checkbox", label: { zh: "同意隐私政策", en: "Privacy notice" } },
    { name: "privacyText", type: "textarea", label: { zh: "当时的同意文字", en: "Text shown" } },
    { name: "privacyUrl", type: "text", label: { zh: "隐私政策链接", en: "Notice URL" } },
    {
      name: "sharing",
      type: "checkbox",
      label: { zh: "同意与合作伙伴共享", en: "Sharing with partner" },
    },
    {
      name: "sharingText",
      type: "textarea",
      label: { zh: "共享同意文字", en: "Sharing text shown" },
    },
    chinaTime({ name: "at", type: "date", label: { zh: "同意时间", en: "Given at" } }),
  ],
};
