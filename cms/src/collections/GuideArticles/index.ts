import { GUIDE_PHASES } from "@beian/contract";
import { anchorField } from "../../fields/anchor.ts";
import { orderField } from "../../fields/order.ts";
import { contentCollection } from "../contentCollection.ts";

const PHASE_LABELS = {
  before: { zh: "备案前准备", en: "Before filing" },
  during: { zh: "备案进行中", en: "During filing" },
  after: { zh: "备案完成后", en: "After filing" },
} as const;

export const GuideArticles = contentCollection({
  slug: "guide-articles",
  labels: {
    singular: { zh: "备案指引文章", en: "Guide article" },
    plural: { zh: "备案指引", en: "Guide articles" },
  },
  admin: {
    useAsTitle: "title",
    defaultColumns: ["title", "phase", "order", "_status"],
  },
  defaultSort: "order",
  fields: [
    {
      name: "phase",
      type: "select",
      label: { zh: "阶段", en: "Phase" },
      required: true,
      options: GUIDE_PHASES.map((phase) => ({ value: phase, label: PHASE_LABELS[phase] })),
      admin: { position: "sidebar" },
    },
    { name: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
    {
      name: "tabLabel",
      type: "text",
      label: { zh: "首页标签名", en: "Tab label" },
      admin: {
        description: {
          zh: "首页「备案指引」中的短标签,如「什么是备案?」;留空则用标题",
          en: "Short label in the landing page's guide tabs; empty: the title",
        },
      },
    },
    { name: "body", type: "richText", label: { zh: "正文", en: "Body" } },
    {
      name: "include",
      type: "select",
      label: { zh: "正文后附加", en: "Followed by" },
      defaultValue: "none",
      options: [
        { value: "none", label: { zh: "无", en: "Nothing" } },
        {
          value: "materials",
          label: { zh: "各备案类型所需材料", en: "Materials per filing type" },
        },
        { value: "guide-steps", label: { zh: "备案步骤(来自备案阶段)", en: "The guide steps" } },
        {
          value: "stage-details",
          label: { zh: "各审核阶段注意事项", en: "What each review stage needs" },
        },
      ],
      admin: {
        position: "sidebar",
        description: {
          zh: "这些内容在「备案类型」「备案阶段」中编辑,此处只决定在文章中展示",
          en: "Edited in Filing types / Filing stages; shown here",
        },
      },
    },
    anchorField(),
    orderField(),
  ],
});
