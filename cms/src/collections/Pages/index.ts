import { contentCollection, PAGES_GROUP } from "../contentCollection.ts";

/**
 * Titles, descriptions and body copy of the site's standalone pages: the guide, FAQ and case
 * gallery headers, the privacy notice the widget's consent links to, the thank-you and 404 pages.
 */
export const Pages = contentCollection({
  slug: "pages",
  labels: {
    singular: { zh: "页面", en: "Page" },
    plural: { zh: "页面", en: "Pages" },
  },
  admin: {
    useAsTitle: "title",
    defaultColumns: ["title", "slug", "_status"],
    group: PAGES_GROUP,
  },
  fields: [
    // The site's fixed pages; their slugs are the routes the site renders them at.
    {
      name: "slug",
      type: "select",
      label: { zh: "页面", en: "Page" },
      required: true,
      unique: true,
      options: [
        { value: "guide", label: { zh: "备案指引 /guide/", en: "Guide /guide/" } },
        { value: "faq", label: { zh: "常见问题 /faq/", en: "FAQ /faq/" } },
        { value: "cases", label: { zh: "客户案例 /cases/", en: "Cases /cases/" } },
        { value: "privacy", label: { zh: "隐私政策 /privacy/", en: "Privacy /privacy/" } },
        { value: "thanks", label: { zh: "提交成功 /thanks/", en: "Thank you /thanks/" } },
        { value: "track", label: { zh: "订单查询 /track/", en: "Order tracking /track/" } },
        { value: "my", label: { zh: "小程序备案中心 /my/", en: "Customer center /my/" } },
        { value: "not-found", label: { zh: "页面不存在 (404)", en: "Not found (404)" } },
      ],
      admin: { position: "sidebar" },
    },
    { name: "title", type: "text", label: { zh: "标题", en: "Title" }, required: true },
    {
      name: "description",
      type: "textarea",
      label: { zh: "摘要(SEO 描述)", en: "Description (SEO)" },
      required: true,
    },
    { name: "body", type: "richText", label: { zh: "正文", en: "Body" } },
    {
      name: "updatedNote",
      type: "text",
      label: { zh: "更新说明", en: "Revision note" },
      admin: {
        description: { zh: "如隐私政策的生效日期", en: "e.g. the notice's effective date" },
      },
    },
  ],
});
