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

export const partnerField: Field = {
  name: "partner",
  type: "relationship",
  relationTo: "partners",
  label: { zh: "来源合作伙伴", en: "Partner" },
  index: true,
  access: evidence.access,
  admin: { position: "sidebar", readOnly: true },
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
      label: "UTM",
      fields: ["source", "medium", "campaign", "term", "content"].map((name) => ({
        name,
        type: "text" as const,
        label: name,
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
