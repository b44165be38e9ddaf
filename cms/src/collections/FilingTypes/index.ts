import { FILING_TYPE_SLUGS } from "@beian/contract";
import { FILING_TYPE_LABELS, optionsOf } from "../../admin/labels.ts";
import { forgetEmailContent } from "../../email/context.ts";
import { orderField } from "../../fields/order.ts";
import { rowTitle } from "../../fields/rowTitle.ts";
import { UPLOAD_KIND_LABELS, UPLOAD_KINDS } from "../../materials/slots.ts";
import { forgetChecklistContent } from "../../orders/checklist.ts";
import { forgetCustomerTexts } from "../../orders/customerTexts.ts";
import { contentCollection } from "../contentCollection.ts";
import { setWechatEntityCode } from "./hooks/setWechatEntityCode.ts";

export const FilingTypes = contentCollection({
  slug: "filing-types",
  labels: {
    singular: { zh: "备案类型", en: "Filing type" },
    plural: { zh: "备案类型", en: "Filing types" },
  },
  admin: {
    useAsTitle: "name",
    defaultColumns: ["name", "slug", "audience", "price", "_status"],
  },
  defaultSort: "order",
  hooks: {
    beforeValidate: [setWechatEntityCode],
    afterChange: [forgetCustomerTexts, forgetChecklistContent, forgetEmailContent],
    afterDelete: [forgetCustomerTexts, forgetChecklistContent, forgetEmailContent],
  },
  fields: [
    {
      name: "slug",
      type: "select",
      label: { zh: "类型标识", en: "Type key" },
      required: true,
      unique: true,
      options: optionsOf(FILING_TYPE_LABELS, FILING_TYPE_SLUGS),
      admin: { position: "sidebar" },
    },
    { name: "name", type: "text", label: { zh: "名称", en: "Name" }, required: true },
    {
      name: "audience",
      type: "text",
      label: { zh: "适用对象", en: "Audience" },
      required: true,
      admin: { description: { zh: "如:个人;门店;企业、政府机关、社会组织", en: "Who it is for" } },
    },
    {
      name: "sellingPoints",
      type: "array",
      label: { zh: "卖点", en: "Selling points" },
      labels: { singular: { zh: "卖点", en: "Point" }, plural: { zh: "卖点", en: "Points" } },
      admin: { components: { RowLabel: rowTitle("text") } },
      minRows: 1,
      fields: [{ name: "text", type: "text", label: { zh: "内容", en: "Text" }, required: true }],
    },
    {
      name: "materials",
      type: "array",
      label: { zh: "所需材料", en: "Required materials" },
      labels: { singular: { zh: "材料", en: "Item" }, plural: { zh: "材料", en: "Items" } },
      admin: { components: { RowLabel: rowTitle("item") } },
      minRows: 1,
      fields: [
        { name: "item", type: "text", label: { zh: "材料", en: "Item" }, required: true },
        {
          // What the customer uploads for it in 备案中心 (src/materials/slots.ts).
          name: "upload",
          type: "select",
          label: { zh: "上传方式", en: "Upload" },
          defaultValue: "none",
          options: optionsOf(UPLOAD_KIND_LABELS, UPLOAD_KINDS),
        },
      ],
    },
    {
      name: "typicalDuration",
      type: "text",
      label: { zh: "通常耗时", en: "Typical time" },
      admin: {
        description: {
          zh: "首页类型卡片上显示,如:通常 7–20 个工作日",
          en: "Shown on the landing page's type card",
        },
      },
    },
    {
      name: "wechatEntityCode",
      type: "number",
      label: { zh: "微信主体类型代码", en: "WeChat entity code" },
      admin: {
        position: "sidebar",
        readOnly: true,
        description: { zh: "由类型决定:企业 1,个体户 12,个人 15", en: "Set from the type" },
      },
    },
    {
      name: "price",
      type: "number",
      label: { zh: "价格(元)", en: "Price (CNY)" },
      min: 0,
      admin: {
        position: "sidebar",
        description: { zh: "留空则不显示价格", en: "Empty: no price shown" },
      },
    },
    orderField(),
  ],
});
