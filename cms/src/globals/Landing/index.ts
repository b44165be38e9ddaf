import type { Field } from "payload";
import { rowTitle } from "../../fields/rowTitle.ts";
import { contentGlobal } from "../contentGlobal.ts";

const heading = (label: { zh: string; en: string }): Field => ({
  name: "heading",
  type: "text",
  label,
  required: true,
});

const titleAndText: Field[] = [
  { name: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
  { name: "text", type: "textarea", label: { zh: "说明", en: "Text" }, required: true },
];

/** Every word of the landing page that is not a filing type, stage, guide article, case or partner. */
export const Landing = contentGlobal({
  slug: "landing",
  label: { zh: "首页", en: "Landing page" },
  fields: [
    {
      type: "tabs",
      tabs: [
        {
          name: "hero",
          label: { zh: "首屏", en: "Hero" },
          fields: [
            { name: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
            {
              name: "subtitle",
              type: "textarea",
              label: { zh: "副标题", en: "Subtitle" },
              required: true,
            },
            {
              name: "ctaLabel",
              type: "text",
              label: { zh: "按钮文字", en: "Call-to-action label" },
              required: true,
            },
            {
              name: "image",
              type: "upload",
              relationTo: "media",
              label: { zh: "配图", en: "Image" },
            },
          ],
        },
        {
          name: "promises",
          label: { zh: "服务承诺", en: "Promises" },
          fields: [
            {
              name: "items",
              type: "array",
              label: { zh: "承诺", en: "Promises" },
              labels: {
                singular: { zh: "承诺", en: "Promise" },
                plural: { zh: "承诺", en: "Promises" },
              },
              admin: { components: { RowLabel: rowTitle("title") } },
              minRows: 1,
              maxRows: 6,
              fields: titleAndText,
            },
          ],
        },
        {
          name: "process",
          label: { zh: "备案流程", en: "Process" },
          fields: [
            heading({ zh: "标题", en: "Heading" }),
            {
              name: "ctaLabel",
              type: "text",
              label: { zh: "按钮文字", en: "Call-to-action label" },
              required: true,
            },
          ],
        },
        {
          name: "filingTypes",
          label: { zh: "备案类型", en: "Filing types" },
          fields: [
            heading({ zh: "标题", en: "Heading" }),
            {
              name: "audiencePrefix",
              type: "text",
              label: { zh: "「适用」前缀", en: "Audience prefix" },
              required: true,
            },
            {
              name: "ctaLabel",
              type: "text",
              label: { zh: "按钮文字", en: "Call-to-action label" },
              required: true,
            },
            {
              name: "priceFrom",
              type: "text",
              label: { zh: "价格格式", en: "Price format" },
              required: true,
              admin: {
                description: {
                  zh: "{price} 替换为类型的价格;未填价格的类型不显示",
                  en: "{price} becomes the type's price; types without a price show none",
                },
              },
            },
          ],
        },
        {
          name: "guide",
          label: { zh: "备案指引", en: "Guide" },
          fields: [
            heading({ zh: "标题", en: "Heading" }),
            {
              name: "phaseLabels",
              type: "group",
              label: { zh: "阶段标签", en: "Phase tabs" },
              fields: [
                {
                  name: "before",
                  type: "text",
                  label: { zh: "备案前", en: "Before" },
                  required: true,
                },
                {
                  name: "during",
                  type: "text",
                  label: { zh: "备案中", en: "During" },
                  required: true,
                },
                {
                  name: "after",
                  type: "text",
                  label: { zh: "备案后", en: "After" },
                  required: true,
                },
              ],
            },
          ],
        },
        {
          name: "advantages",
          label: { zh: "优势", en: "Advantages" },
          fields: [
            heading({ zh: "标题", en: "Heading" }),
            {
              name: "items",
              type: "array",
              label: { zh: "优势", en: "Advantages" },
              labels: {
                singular: { zh: "优势", en: "Advantage" },
                plural: { zh: "优势", en: "Advantages" },
              },
              admin: { components: { RowLabel: rowTitle("title") } },
              minRows: 1,
              maxRows: 8,
              fields: titleAndText,
            },
          ],
        },
        {
          name: "cases",
          label: { zh: "案例", en: "Cases" },
          fields: [
            {
              name: "customerCountClaim",
              type: "text",
              label: { zh: "客户数量", en: "Customer count claim" },
              required: true,
            },
            {
              name: "scanLabel",
              type: "text",
              label: { zh: "扫码提示", en: "Scan prompt" },
              required: true,
            },
            {
              name: "openLabel",
              type: "text",
              label: { zh: "手机上「打开小程序」按钮", en: "Open link (phones)" },
              required: true,
              admin: {
                description: {
                  zh: "手机上不显示二维码,改为打开小程序链接的按钮",
                  en: "Phones show this link instead of the QR code",
                },
              },
            },
          ],
        },
        {
          name: "partners",
          label: { zh: "合作伙伴", en: "Partners" },
          fields: [heading({ zh: "标题", en: "Heading" })],
        },
      ],
    },
  ],
});
