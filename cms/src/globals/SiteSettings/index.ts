import { FAQ_CATEGORIES, SITE_LABEL_DEFAULTS, SITE_LABELS, validateLink } from "@beian/contract";
import type { Field } from "payload";
import { FAQ_CATEGORY_LABELS } from "../../collections/Faqs/index.ts";
import { forgetEmailContent } from "../../email/context.ts";
import { rowTitle } from "../../fields/rowTitle.ts";
import { forgetConsentTexts } from "../../public-api/consent.ts";
import { contentGlobal } from "../contentGlobal.ts";

export const SiteSettings = contentGlobal({
  slug: "site-settings",
  label: { zh: "站点设置", en: "Site settings" },
  hooks: { afterChange: [forgetConsentTexts, forgetEmailContent] },
  fields: [
    {
      type: "tabs",
      tabs: [
        {
          label: { zh: "品牌与联系", en: "Brand & contact" },
          fields: [
            {
              name: "brand",
              type: "group",
              label: { zh: "品牌", en: "Brand" },
              fields: [
                { name: "name", type: "text", label: { zh: "名称", en: "Name" }, required: true },
                { name: "logo", type: "upload", relationTo: "media", label: "Logo" },
              ],
            },
            {
              name: "hotline",
              type: "text",
              label: { zh: "咨询热线", en: "Hotline" },
              required: true,
            },
            {
              name: "serviceHours",
              type: "text",
              label: { zh: "服务时间", en: "Service hours" },
            },
            {
              name: "contactEmail",
              type: "email",
              label: { zh: "联系邮箱", en: "Contact email" },
            },
          ],
        },
        {
          label: { zh: "页脚备案号", en: "Footer filing numbers" },
          fields: [
            {
              name: "icpNumber",
              type: "text",
              label: { zh: "ICP 备案号", en: "ICP filing number" },
              required: true,
              admin: {
                description: {
                  zh: "页脚显示,链接至 https://beian.miit.gov.cn/",
                  en: "Shown in the footer, linked to the MIIT site",
                },
              },
            },
            {
              name: "publicSecurityNumber",
              type: "text",
              label: { zh: "公安备案号", en: "Public-security filing number" },
            },
          ],
        },
        {
          label: "SEO",
          name: "seo",
          fields: [
            { name: "title", type: "text", label: { zh: "默认标题", en: "Title" }, required: true },
            {
              name: "description",
              type: "textarea",
              label: { zh: "默认描述", en: "Description" },
              required: true,
            },
            {
              name: "image",
              type: "upload",
              relationTo: "media",
              label: { zh: "分享图片", en: "Share image" },
            },
          ],
        },
        {
          label: { zh: "导航与界面文字", en: "Navigation & labels" },
          fields: [
            {
              name: "navigation",
              type: "array",
              label: { zh: "主导航", en: "Main navigation" },
              labels: { singular: { zh: "链接", en: "Link" }, plural: { zh: "链接", en: "Links" } },
              admin: { components: { RowLabel: rowTitle("label") } },
              fields: [
                { name: "label", type: "text", label: { zh: "文字", en: "Label" }, required: true },
                {
                  name: "href",
                  type: "text",
                  label: { zh: "链接", en: "Link" },
                  required: true,
                  validate: validateLink,
                  admin: {
                    description: { zh: "站内路径,如 /guide/", en: "A site path, e.g. /guide/" },
                  },
                },
              ],
            },
            {
              name: "labels",
              type: "group",
              label: { zh: "界面文字", en: "Interface labels" },
              admin: {
                description: {
                  zh: "网站各处的按钮、标题与提示文字",
                  en: "Buttons, headings and hints used across the site",
                },
              },
              fields: SITE_LABELS.map(
                ([name, zh, en]): Field => ({
                  name,
                  type: "text",
                  label: { zh, en },
                  required: true,
                  defaultValue: SITE_LABEL_DEFAULTS[name],
                }),
              ),
            },
          ],
        },
        {
          label: { zh: "在线咨询", en: "Consultation" },
          fields: [
            {
              name: "consult",
              type: "group",
              label: { zh: "在线咨询入口", en: "Ways to ask" },
              admin: {
                description: {
                  zh: "手机底部的咨询栏、页头按钮、指引与常见问题页末的咨询区,以及无脚本时的咨询页 /contact/",
                  en: "The phone bar, the header button, the call to action after the guide and FAQ, and /contact/",
                },
              },
              fields: [
                {
                  name: "openLabel",
                  type: "text",
                  label: { zh: "「在线咨询」按钮", en: "Open-form button" },
                  required: true,
                },
                {
                  name: "callLabel",
                  type: "text",
                  label: { zh: "「拨打热线」按钮", en: "Call button" },
                  required: true,
                },
                {
                  name: "ctaHeading",
                  type: "text",
                  label: { zh: "页末咨询区标题", en: "Call-to-action heading" },
                  required: true,
                },
                {
                  name: "ctaText",
                  type: "textarea",
                  label: { zh: "页末咨询区说明", en: "Call-to-action text" },
                  required: true,
                },
                {
                  name: "pageTitle",
                  type: "text",
                  label: { zh: "咨询页标题", en: "Contact page title" },
                  required: true,
                },
                {
                  name: "pageDescription",
                  type: "textarea",
                  label: { zh: "咨询页描述(搜索引擎)", en: "Contact page description" },
                  required: true,
                },
              ],
            },
          ],
        },
        {
          label: { zh: "表单同意文字", en: "Form consent" },
          fields: [
            {
              name: "consent",
              type: "group",
              label: { zh: "嵌入表单的同意文字", en: "Consent texts of the widget and forms" },
              admin: {
                description: {
                  zh: "提交时会随线索一并保存,作为同意记录。{partner} 会替换为合作伙伴名称。",
                  en: "Stored with each lead as the consent record. {partner} becomes the partner's name.",
                },
              },
              fields: [
                {
                  name: "privacyText",
                  type: "textarea",
                  label: { zh: "隐私政策同意", en: "Privacy consent" },
                  required: true,
                },
                {
                  name: "sharingText",
                  type: "textarea",
                  label: { zh: "与合作伙伴共享同意", en: "Sharing consent" },
                  required: true,
                },
              ],
            },
          ],
        },
        {
          label: { zh: "常见问题分类", en: "FAQ categories" },
          fields: [
            {
              name: "faqCategories",
              type: "array",
              label: { zh: "分类标题与说明", en: "Category headings" },
              labels: {
                singular: { zh: "分类", en: "Category" },
                plural: { zh: "分类", en: "Categories" },
              },
              admin: { components: { RowLabel: rowTitle("title") } },
              fields: [
                {
                  name: "category",
                  type: "select",
                  label: { zh: "分类", en: "Category" },
                  required: true,
                  options: FAQ_CATEGORIES.map((category) => ({
                    value: category,
                    label: FAQ_CATEGORY_LABELS[category],
                  })),
                },
                {
                  name: "title",
                  type: "text",
                  label: { zh: "标题", en: "Heading" },
                  required: true,
                },
                { name: "intro", type: "textarea", label: { zh: "导语", en: "Introduction" } },
                { name: "outro", type: "textarea", label: { zh: "结语", en: "Closing note" } },
              ],
            },
          ],
        },
      ],
    },
  ],
});
