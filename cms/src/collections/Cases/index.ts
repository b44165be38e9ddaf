import { INDUSTRIES, validateLink } from "@beian/contract";
import { demoField } from "../../fields/demo.ts";
import { orderField } from "../../fields/order.ts";
import { contentCollection } from "../contentCollection.ts";
import { generateQrCode } from "./hooks/generateQrCode.ts";

export const Cases = contentCollection({
  slug: "cases",
  labels: {
    singular: { zh: "客户案例", en: "Case" },
    plural: { zh: "客户案例", en: "Cases" },
  },
  admin: {
    useAsTitle: "name",
    defaultColumns: ["name", "industry", "filingType", "featured", "_status"],
  },
  defaultSort: "order",
  hooks: { beforeChange: [generateQrCode] },
  fields: [
    { name: "name", type: "text", label: { zh: "小程序名称", en: "Name" }, required: true },
    {
      name: "introduction",
      type: "textarea",
      label: { zh: "简介", en: "Introduction" },
      required: true,
    },
    {
      name: "industry",
      type: "select",
      label: { zh: "行业", en: "Industry" },
      required: true,
      index: true,
      options: INDUSTRIES.map(({ value, zh, en }) => ({ value, label: { zh, en } })),
    },
    {
      name: "filingType",
      type: "relationship",
      relationTo: "filing-types",
      label: { zh: "备案类型", en: "Filing type" },
      required: true,
      index: true,
    },
    { name: "logo", type: "upload", relationTo: "media", label: { zh: "Logo", en: "Logo" } },
    {
      name: "qrImage",
      type: "upload",
      relationTo: "media",
      label: { zh: "小程序码图片", en: "QR code image" },
      admin: { description: { zh: "上传后优先使用", en: "Used when present" } },
    },
    {
      name: "miniProgramLink",
      type: "text",
      label: { zh: "小程序链接", en: "Mini-program link" },
      validate: validateLink,
      admin: {
        description: {
          zh: "未上传小程序码时,由此链接自动生成二维码",
          en: "Without an uploaded image, a QR code is generated from this link",
        },
      },
    },
    {
      name: "qrCodeSvg",
      type: "textarea",
      label: { zh: "生成的二维码 (SVG)", en: "Generated QR code (SVG)" },
      admin: { readOnly: true, condition: (data) => Boolean(data?.miniProgramLink) },
    },
    {
      name: "featured",
      type: "checkbox",
      label: { zh: "首页展示", en: "Featured" },
      defaultValue: false,
      admin: { position: "sidebar" },
    },
    demoField,
    orderField(),
  ],
});
