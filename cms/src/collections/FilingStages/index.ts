import { STAGE_KEYS } from "@beian/contract";
import { optionsOf, STAGE_LABELS } from "../../admin/labels.ts";
import { forgetEmailContent } from "../../email/context.ts";
import { orderField } from "../../fields/order.ts";
import { rowTitle } from "../../fields/rowTitle.ts";
import { forgetCustomerTexts } from "../../orders/customerTexts.ts";
import { contentCollection } from "../contentCollection.ts";

/**
 * The stages of a filing (CONTRACT §4). One document per stage key; the landing page's five-step
 * overview, the guide's seven steps and the order timeline are all rendered from these.
 */
export const FilingStages = contentCollection({
  slug: "filing-stages",
  labels: {
    singular: { zh: "备案阶段", en: "Filing stage" },
    plural: { zh: "备案阶段", en: "Filing stages" },
  },
  admin: {
    useAsTitle: "title",
    defaultColumns: ["title", "key", "typicalDuration", "_status"],
  },
  defaultSort: "order",
  hooks: {
    afterChange: [forgetCustomerTexts, forgetEmailContent],
    afterDelete: [forgetCustomerTexts, forgetEmailContent],
  },
  fields: [
    {
      name: "key",
      type: "select",
      label: { zh: "阶段标识", en: "Stage key" },
      required: true,
      unique: true,
      options: optionsOf(STAGE_LABELS, STAGE_KEYS),
      admin: { position: "sidebar" },
    },
    { name: "title", type: "text", label: { zh: "阶段名称", en: "Title" }, required: true },
    {
      name: "summary",
      type: "textarea",
      label: { zh: "一句话说明", en: "Summary" },
      required: true,
    },
    {
      name: "customerAction",
      type: "textarea",
      label: { zh: "客户现在需要做的", en: "What the customer does now" },
      admin: {
        description: {
          zh: "订单查询页在订单处于本阶段时显示",
          en: "Shown on the tracking page while an order is in this stage",
        },
      },
    },
    {
      name: "detail",
      type: "richText",
      label: { zh: "本阶段注意事项", en: "What this stage needs" },
    },
    {
      type: "row",
      fields: [
        {
          name: "typicalDuration",
          type: "text",
          label: { zh: "通常耗时", en: "Typical duration" },
          admin: { description: { zh: "如:1个工作日", en: "e.g. 1 working day" } },
        },
        {
          name: "deadline",
          type: "group",
          label: { zh: "时限", en: "Deadline" },
          admin: {
            description: {
              zh: "订单进入本阶段后的最长期限;留空表示无时限",
              en: "Longest an order may stay in this stage; empty: none",
            },
          },
          fields: [
            { name: "amount", type: "number", label: { zh: "数值", en: "Amount" }, min: 1 },
            {
              name: "unit",
              type: "select",
              label: { zh: "单位", en: "Unit" },
              options: [
                { value: "hours", label: { zh: "小时", en: "Hours" } },
                { value: "days", label: { zh: "自然日", en: "Days" } },
                { value: "working_days", label: { zh: "工作日", en: "Working days" } },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "overview",
      type: "group",
      label: { zh: "首页「备案流程」", en: "Landing page process overview" },
      fields: [
        {
          name: "show",
          type: "checkbox",
          label: { zh: "在五步流程中显示", en: "Show in the five-step overview" },
          defaultValue: false,
        },
        { name: "title", type: "text", label: { zh: "步骤名称", en: "Step title" } },
        { name: "text", type: "textarea", label: { zh: "步骤说明", en: "Step text" } },
      ],
    },
    {
      name: "guideSteps",
      type: "array",
      label: { zh: "备案指引「备案步骤」", en: "Guide steps" },
      labels: { singular: { zh: "步骤", en: "Step" }, plural: { zh: "步骤", en: "Steps" } },
      admin: {
        components: { RowLabel: rowTitle("title") },
        description: {
          zh: "指引中的编号步骤;一个阶段可对应多个步骤(如「提交」含选择类型与上传资料)",
          en: "Numbered steps of the guide; one stage may cover several",
        },
      },
      fields: [
        { name: "number", type: "number", label: { zh: "序号", en: "No." }, required: true },
        { name: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
        { name: "text", type: "textarea", label: { zh: "说明", en: "Text" }, required: true },
      ],
    },
    orderField(),
  ],
});
