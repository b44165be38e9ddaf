import { FILING_TYPE_SLUGS } from "@beian/contract";
import type { CollectionConfig, FieldAccess } from "payload";
import { isAdmin, isSalesOrAdmin } from "../../access/index.ts";
import { recordStatusChange } from "./hooks/recordStatusChange.ts";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "converted", "lost"] as const;

/** What the prospect sent and consented to is evidence: nobody edits it after the fact. */
const neverEdited: FieldAccess = () => false;
const readOnly = { access: { update: neverEdited }, admin: { readOnly: true } } as const;

/**
 * Leads from the widget, the site's forms and partners' pages. Created only by the public endpoint
 * (POST /api/public/leads); worked by sales: status, assignee, notes. Field names follow the
 * public payload (CONTRACT §3) so exports and sales tools can rely on them.
 */
export const Leads: CollectionConfig = {
  slug: "leads",
  labels: { singular: { zh: "线索", en: "Lead" }, plural: { zh: "线索", en: "Leads" } },
  admin: {
    useAsTitle: "reference",
    defaultColumns: [
      "reference",
      "name",
      "phone",
      "filingType",
      "partner",
      "status",
      "assignee",
      "createdAt",
    ],
    listSearchableFields: ["reference", "name", "phone", "email", "company"],
    group: { zh: "销售", en: "Sales" },
  },
  defaultSort: "-createdAt",
  access: {
    read: isSalesOrAdmin,
    // Prospects come in through POST /api/public/leads; admins may add one by hand (imports).
    create: isAdmin,
    update: isSalesOrAdmin,
    delete: isAdmin,
  },
  hooks: { beforeChange: [recordStatusChange] },
  fields: [
    {
      name: "reference",
      type: "text",
      label: { zh: "编号", en: "Reference" },
      required: true,
      unique: true,
      index: true,
      ...readOnly,
    },
    {
      type: "row",
      fields: [
        {
          name: "name",
          type: "text",
          label: { zh: "姓名", en: "Name" },
          required: true,
          ...readOnly,
        },
        {
          name: "phone",
          type: "text",
          label: { zh: "手机号", en: "Phone" },
          required: true,
          index: true,
          ...readOnly,
        },
        { name: "email", type: "email", label: { zh: "邮箱", en: "Email" }, ...readOnly },
      ],
    },
    {
      type: "row",
      fields: [
        { name: "company", type: "text", label: { zh: "公司", en: "Company" }, ...readOnly },
        {
          name: "filingType",
          type: "select",
          label: { zh: "备案类型", en: "Filing type" },
          options: FILING_TYPE_SLUGS.map((slug) => ({ value: slug, label: slug })),
          index: true,
          ...readOnly,
        },
      ],
    },
    { name: "message", type: "textarea", label: { zh: "留言", en: "Message" }, ...readOnly },
    {
      name: "status",
      type: "select",
      label: { zh: "状态", en: "Status" },
      required: true,
      defaultValue: "new",
      index: true,
      options: [
        { value: "new", label: { zh: "新线索", en: "New" } },
        { value: "contacted", label: { zh: "已联系", en: "Contacted" } },
        { value: "qualified", label: { zh: "有意向", en: "Qualified" } },
        { value: "converted", label: { zh: "已转化", en: "Converted" } },
        { value: "lost", label: { zh: "已流失", en: "Lost" } },
      ],
      admin: { position: "sidebar" },
    },
    {
      name: "lostReason",
      type: "text",
      label: { zh: "流失原因", en: "Reason lost" },
      admin: { position: "sidebar", condition: (data) => data?.status === "lost" },
      validate: (value: unknown, { siblingData }: { siblingData: { status?: string } }) =>
        siblingData.status !== "lost" || (typeof value === "string" && value.trim() !== "")
          ? true
          : "请填写流失原因 / a reason is required",
    },
    {
      name: "assignee",
      type: "relationship",
      relationTo: "users",
      label: { zh: "负责人", en: "Assignee" },
      index: true,
      filterOptions: { role: { in: ["sales", "admin"] } },
      admin: { position: "sidebar" },
    },
    {
      name: "partner",
      type: "relationship",
      relationTo: "partners",
      label: { zh: "来源合作伙伴", en: "Partner" },
      index: true,
      ...readOnly,
      admin: { position: "sidebar", readOnly: true },
    },
    {
      name: "notes",
      type: "array",
      label: { zh: "跟进记录", en: "Notes" },
      labels: { singular: { zh: "记录", en: "Note" }, plural: { zh: "记录", en: "Notes" } },
      fields: [
        { name: "text", type: "textarea", label: { zh: "内容", en: "Text" }, required: true },
        {
          name: "at",
          type: "date",
          label: { zh: "时间", en: "At" },
          defaultValue: () => new Date().toISOString(),
          admin: { date: { pickerAppearance: "dayAndTime" } },
        },
        {
          name: "by",
          type: "relationship",
          relationTo: "users",
          label: { zh: "记录人", en: "By" },
          defaultValue: ({ user }: { user?: { id: number | string } | null }) => user?.id,
        },
      ],
    },
    {
      name: "source",
      type: "group",
      label: { zh: "来源", en: "Source" },
      ...readOnly,
      fields: [
        { name: "pageUrl", type: "text", label: { zh: "页面", en: "Page" } },
        { name: "referrer", type: "text", label: { zh: "来源网站", en: "Referrer" } },
        {
          name: "utm",
          type: "group",
          label: "UTM",
          fields: ["source", "medium", "campaign", "term", "content"].map((name) => ({
            name,
            type: "text" as const,
            label: name,
          })),
        },
      ],
    },
    {
      name: "consent",
      type: "group",
      label: { zh: "同意记录", en: "Consent record" },
      ...readOnly,
      fields: [
        { name: "privacy", type: "checkbox", label: { zh: "同意隐私政策", en: "Privacy notice" } },
        {
          name: "privacyText",
          type: "textarea",
          label: { zh: "当时的同意文字", en: "Text shown" },
        },
        { name: "privacyUrl", type: "text", label: { zh: "隐私政策链接", en: "Notice URL" } },
        {
          name: "sharing",
          type: "checkbox",
          label: { zh: "同意与合作伙伴共享", en: "Sharing with partner" },
        },
        {
          name: "sharingText",
          type: "textarea",
          label: { zh: "共享同意文字", en: "Sharing text shown" },
        },
        {
          name: "at",
          type: "date",
          label: { zh: "同意时间", en: "Given at" },
          admin: { date: { pickerAppearance: "dayAndTime" } },
        },
      ],
    },
    {
      name: "statusHistory",
      type: "array",
      label: { zh: "状态变更记录", en: "Status history" },
      ...readOnly,
      fields: [
        { name: "from", type: "text", label: { zh: "原状态", en: "From" } },
        { name: "to", type: "text", label: { zh: "新状态", en: "To" } },
        {
          name: "by",
          type: "relationship",
          relationTo: "users",
          label: { zh: "操作人", en: "By" },
        },
        { name: "at", type: "date", label: { zh: "时间", en: "At" } },
      ],
    },
  ],
};
