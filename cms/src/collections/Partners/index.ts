import type { CollectionConfig, Field, PayloadRequest } from "payload";
import { isAdmin, staffField, staffOrActivePartner } from "../../access/index.ts";
import { forgetEmailContent } from "../../email/context.ts";
import { demoField } from "../../fields/demo.ts";
import { orderField } from "../../fields/order.ts";
import { rowTitle } from "../../fields/rowTitle.ts";
import { inLanguage } from "../../lib/fieldErrors.ts";
import { forgetPartnersOnChange, forgetPartnersOnDelete } from "../../public-api/index.ts";

const PARTNER_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

type TPartnerUrls = { siteUrl: string; cmsUrl: string };

/** An origin exactly as browsers send it in the `Origin` header: scheme, host, optional port. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

/** The `data-partner` of the embed: what the widget, CORS and the leads' attribution go by. */
const keyField: Field = {
  name: "key",
  type: "text",
  label: { zh: "标识", en: "Key" },
  required: true,
  unique: true,
  index: true,
  validate: (value: unknown, { req }: { req: PayloadRequest }) =>
    typeof value === "string" && value.length <= 32 && PARTNER_KEY.test(value)
      ? true
      : inLanguage(req, {
          zh: "只能使用小写字母、数字和连字符(最多 32 位)",
          en: "Lowercase letters, digits and hyphens (max 32)",
        }),
  admin: {
    description: {
      zh: "合作伙伴嵌入代码里用来识别它的标识,线索按它归属",
      en: "The embed's data-partner: what leads are attributed by",
    },
  },
};

/** Who may post leads for this partner (the CORS and origin checks); staff alone read them. */
const allowedOriginsField: Field = {
  name: "allowedOrigins",
  type: "array",
  label: { zh: "允许的来源", en: "Allowed origins" },
  labels: { singular: { zh: "来源", en: "Origin" }, plural: { zh: "来源", en: "Origins" } },
  access: { read: staffField },
  admin: {
    components: { RowLabel: rowTitle("origin") },
    description: {
      zh: "可嵌入组件的网站源,如 https://cloud.example.com(不带路径)",
      en: "Sites that may embed the widget, e.g. https://cloud.example.com (no path)",
    },
  },
  fields: [
    {
      name: "origin",
      type: "text",
      label: { zh: "源", en: "Origin" },
      required: true,
      validate: (value: unknown) =>
        typeof value === "string" && isOrigin(value)
          ? true
          : "请输入源,如 https://cloud.example.com / an origin such as https://cloud.example.com",
    },
  ],
};

/** The partner's ready-to-copy embed code, for this site and CMS. */
const embedSnippetsField = (urls: TPartnerUrls): Field => ({
  name: "embedSnippets",
  type: "ui",
  label: { zh: "嵌入代码", en: "Embed code" },
  admin: {
    components: {
      Field: {
        path: "/admin/PartnerEmbedSnippets/index.tsx#PartnerEmbedSnippets",
        clientProps: urls,
      },
    },
  },
});

/**
 * Cloud providers that embed the widget. `direct` is the agency's own site. Only admins manage
 * partners: allowed origins decide who may post leads (CORS and origin checks).
 */
export const partnersCollection = (urls: TPartnerUrls): CollectionConfig => ({
  slug: "partners",
  labels: {
    singular: { zh: "合作伙伴", en: "Partner" },
    plural: { zh: "合作伙伴", en: "Partners" },
  },
  admin: {
    useAsTitle: "name",
    defaultColumns: ["name", "key", "active", "showInStrip"],
    group: { zh: "渠道", en: "Channels" },
  },
  defaultSort: "order",
  hooks: {
    afterChange: [forgetPartnersOnChange, forgetEmailContent],
    afterDelete: [forgetPartnersOnDelete, forgetEmailContent],
  },
  access: {
    read: staffOrActivePartner,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  fields: [
    keyField,
    { name: "name", type: "text", label: { zh: "名称", en: "Name" }, required: true },
    { name: "logo", type: "upload", relationTo: "media", label: { zh: "Logo", en: "Logo" } },
    {
      name: "website",
      type: "text",
      label: { zh: "官网", en: "Website" },
      validate: (value: unknown) =>
        value == null || value === "" || (typeof value === "string" && /^https?:\/\//.test(value))
          ? true
          : "请输入以 http:// 或 https:// 开头的网址 / must start with http:// or https://",
    },
    {
      name: "showInStrip",
      type: "checkbox",
      label: { zh: "在「云服务合作伙伴」中展示", en: "Show in the partner strip" },
      defaultValue: false,
      admin: { position: "sidebar" },
    },
    {
      name: "active",
      type: "checkbox",
      label: { zh: "启用", en: "Active" },
      defaultValue: true,
      admin: {
        position: "sidebar",
        description: { zh: "停用后其嵌入组件不再接受提交", en: "Inactive: its widget is refused" },
      },
    },
    allowedOriginsField,
    {
      name: "themeColor",
      type: "text",
      label: { zh: "主题色", en: "Theme colour" },
      defaultValue: "#1f6feb",
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        typeof value === "string" && HEX_COLOUR.test(value)
          ? true
          : inLanguage(req, { zh: "请输入 #RRGGBB 格式的颜色", en: "A colour as #RRGGBB" }),
      admin: { position: "sidebar" },
    },
    embedSnippetsField(urls),
    demoField,
    orderField(),
  ],
});
