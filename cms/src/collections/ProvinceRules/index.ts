import { FILING_TYPE_SLUGS, PROVINCES } from "@beian/contract";
import type { CollectionBeforeChangeHook } from "payload";
import { rowTitle } from "../../fields/rowTitle.ts";
import { forgetChecklistContent } from "../../orders/checklist.ts";
import { contentCollection } from "../contentCollection.ts";

const TYPE_LABELS = {
  personal: { zh: "个人", en: "Personal" },
  "individual-business": { zh: "个体户", en: "Individual business" },
  enterprise: { zh: "企业", en: "Enterprise" },
} as const;

const ALL_PROVINCES = { zh: "全国通用", en: "All provinces" };

/** Sets the rule's title from its province: "贵州", or "全国通用" for the rules of every province. */
const nameAfterProvince: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const code = data.province ?? originalDoc?.province;
  const province = PROVINCES.find((candidate) => candidate.code === code);
  return { ...data, title: province?.zh ?? ALL_PROVINCES.zh };
};

/**
 * What each provincial administration (管局) asks beyond the filing type's own materials, and how
 * long its review may take. `all` holds the rules of every province. The checklist shown to a
 * customer = the type's required materials + these notes for the type and province.
 */
export const ProvinceRules = contentCollection({
  slug: "province-rules",
  labels: {
    singular: { zh: "省份规则", en: "Province rule" },
    plural: { zh: "省份规则", en: "Province rules" },
  },
  admin: {
    useAsTitle: "title",
    defaultColumns: ["province", "reviewMaxWorkingDays", "_status"],
  },
  hooks: {
    beforeChange: [nameAfterProvince],
    afterChange: [forgetChecklistContent],
    afterDelete: [forgetChecklistContent],
  },
  fields: [
    {
      // The document's title in the admin: the province's Chinese name, not its code (`guizhou`).
      name: "title",
      type: "text",
      label: { zh: "名称", en: "Name" },
      admin: { hidden: true },
    },
    {
      name: "province",
      type: "select",
      label: { zh: "省份", en: "Province" },
      required: true,
      unique: true,
      options: [
        { value: "all", label: ALL_PROVINCES },
        ...PROVINCES.map((province) => ({
          value: province.code,
          label: { zh: province.zh, en: province.en },
        })),
      ],
    },
    {
      name: "reviewMaxWorkingDays",
      type: "number",
      label: { zh: "管局审核最长工作日", en: "Bureau review, max working days" },
      min: 1,
      admin: { description: { zh: "留空则按 20 个工作日", en: "Empty: 20 working days" } },
    },
    {
      name: "notes",
      type: "array",
      label: { zh: "额外要求", en: "Extra requirements" },
      labels: {
        singular: { zh: "要求", en: "Requirement" },
        plural: { zh: "要求", en: "Requirements" },
      },
      admin: { components: { RowLabel: rowTitle("text") } },
      fields: [
        {
          name: "filingTypes",
          type: "select",
          hasMany: true,
          required: true,
          label: { zh: "适用备案类型", en: "Applies to" },
          options: FILING_TYPE_SLUGS.map((slug) => ({ value: slug, label: TYPE_LABELS[slug] })),
        },
        { name: "text", type: "textarea", label: { zh: "说明", en: "Text" }, required: true },
      ],
    },
  ],
});
