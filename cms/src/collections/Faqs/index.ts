import { FAQ_CATEGORIES } from "@beian/contract";
import { anchorField } from "../../fields/anchor.ts";
import { orderField } from "../../fields/order.ts";
import { contentCollection } from "../contentCollection.ts";

/** Admin labels only; the headings the site shows are content, in site-settings › FAQ categories. */
export const FAQ_CATEGORY_LABELS = {
  "platform-rejection": { zh: "微信官方审核驳回", en: "Platform review rejections" },
  "verification-failure": { zh: "真实性核验未通过", en: "Face verification failures" },
  general: { zh: "常见问题", en: "General" },
} as const;

export const Faqs = contentCollection({
  slug: "faqs",
  labels: {
    singular: { zh: "常见问题", en: "FAQ" },
    plural: { zh: "常见问题", en: "FAQs" },
  },
  admin: {
    useAsTitle: "question",
    defaultColumns: ["question", "category", "order", "_status"],
  },
  defaultSort: "order",
  fields: [
    {
      name: "category",
      type: "select",
      label: { zh: "分类", en: "Category" },
      required: true,
      index: true,
      options: FAQ_CATEGORIES.map((category) => ({
        value: category,
        label: FAQ_CATEGORY_LABELS[category],
      })),
      admin: { position: "sidebar" },
    },
    { name: "question", type: "text", label: { zh: "问题", en: "Question" }, required: true },
    { name: "answer", type: "richText", label: { zh: "回答", en: "Answer" }, required: true },
    anchorField(),
    orderField(),
  ],
});
