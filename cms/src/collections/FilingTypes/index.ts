import { FILING_TYPE_SLUGS, WECHAT_ENTITY_CODES } from "@beian/contract";
import type { CollectionConfig } from "payload";
import { contentAccess } from "../../access/index.ts";
import { draftVersions } from "../../fields/drafts.ts";
import { orderField } from "../../fields/order.ts";

export const FilingTypes: CollectionConfig = {
  slug: "filing-types",
  labels: {
    singular: { zh: "备案类型", en: "Filing type" },
    plural: { zh: "备案类型", en: "Filing types" },
  },
  admin: {
    useAsTitle: "name",
    defaultColumns: ["name", "slug", "audience", "price", "_status"],
    group: { zh: "内容", en: "Content" },
  },
  defaultSort: "order",
  access: contentAccess,
  versions: draftVersions,
  hooks: {
    // WeChat's entity code follows from the type; never let the two disagree.
    beforeValidate: [
      ({ data }) => {
        const slug = data?.slug as keyof typeof WECHAT_ENTITY_CODES | undefined;
        if (data && slug && slug in WECHAT_ENTITY_CODES) {
          data.wechatEntityCode = WECHAT_ENTITY_CODES[slug];
        }
        return data;
      },
    ],
  },
  fields: [
    {
      name: "slug",
      type: "select",
      label: { zh: "类型标识", en: "Type key" },
      required: true,
      unique: true,
      options: FILING_TYPE_SLUGS.map((slug) => ({ value: slug, label: slug })),
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
      minRows: 1,
      fields: [{ name: "text", type: "text", label: { zh: "内容", en: "Text" }, required: true }],
    },
    {
      name: "materials",
      type: "array",
      label: { zh: "所需材料", en: "Required materials" },
      labels: { singular: { zh: "材料", en: "Item" }, plural: { zh: "材料", en: "Items" } },
      minRows: 1,
      fields: [{ name: "item", type: "text", label: { zh: "材料", en: "Item" }, required: true }],
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
};
