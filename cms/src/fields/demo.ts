import type { CheckboxField } from "payload";

/** Marks invented sample records (the client's copy has no cases or partners of its own). */
export const demoField: CheckboxField = {
  name: "demo",
  type: "checkbox",
  label: { zh: "示例数据", en: "Demo data" },
  defaultValue: false,
  admin: {
    position: "sidebar",
    description: {
      zh: "种子生成的示例,上线前请替换或删除",
      en: "Invented by the seed: replace or delete before launch",
    },
  },
};
