import { FILING_TYPE_SLUGS } from "@beian/contract";
import type { CollectionConfig, PayloadRequest } from "payload";
import { isAdmin, isSalesOrAdmin, nobodyField } from "../../access/index.ts";
import { FILING_TYPE_LABELS, LEAD_STATUS_LABELS, optionsOf } from "../../admin/labels.ts";
import { col, csvExport } from "../../exports/csv.ts";
import { assigneeField } from "../../fields/assignee.ts";
import { emailsField } from "../../fields/emails.ts";
import { notesField } from "../../fields/notes.ts";
import {
  consentRecordField,
  evidence,
  partnerField,
  sourceField,
} from "../../fields/submission.ts";
import { restoreSubmissionField, suspectedSpamField } from "../../quarantine/fields.ts";
import { hideSuspectedSpam } from "../../quarantine/hideFromStaff.ts";
import { restoreEndpoint } from "../../quarantine/restore.ts";
import { convertLeadEndpoint } from "./convert.ts";
import { deleteLeadAttachedData } from "./hooks/deleteAttachedData.ts";
import { queueLeadEmails } from "./hooks/queueLeadEmails.ts";
import { recordStatusChange } from "./hooks/recordStatusChange.ts";
import { moveLeadEndpoint } from "./move.ts";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "converted", "lost"] as const;

/** Written by the conversion endpoint only (POST /api/leads/:id/convert). */
const setByConversion = { access: { create: nobodyField, update: nobodyField } } as const;

/**
 * Leads from the widget, the site's forms and partners' pages. Created only by the public endpoint
 * (POST /api/public/leads); worked by sales: status, assignee, notes, and converted into a filing
 * order from the lead's page. Field names follow the public payload (CONTRACT §3) so exports and
 * sales tools can rely on them.
 */
export const Leads: CollectionConfig = {
  slug: "leads",
  labels: { singular: { zh: "线索", en: "Lead" }, plural: { zh: "线索", en: "Leads" } },
  admin: {
    components: {
      beforeListTable: [
        "/admin/SuspectedSpamNotice/index.tsx#SuspectedSpamNotice",
        "/admin/ExportButton/index.tsx#ExportButton",
        "/admin/BulkAssign/index.tsx#BulkAssign",
      ],
    },
    pagination: { defaultLimit: 50, limits: [20, 50, 100, 200] },
    // The list reads the columns it shows, not each row's notes, history and emails.
    enableListViewSelectAPI: true,
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
  // Staff lists and counts always leave suspected spam out (quarantine/hideFromStaff.ts), so the
  // indexes they read start with it: without them SQLite reads a list's first page through the
  // suspected-spam index and sorts every genuine document for it, and counts the dashboard's
  // statuses, assignees and partners row by row (bench/scale.ts, scaleBench/queryPlans.test.ts).
  indexes: [
    { fields: ["suspectedSpam", "createdAt"] },
    { fields: ["suspectedSpam", "status", "createdAt"] },
    { fields: ["suspectedSpam", "assignee", "status"] },
    { fields: ["suspectedSpam", "partner"] },
  ],
  access: {
    read: isSalesOrAdmin,
    // Prospects come in through POST /api/public/leads; admins may add one by hand (imports).
    create: isAdmin,
    update: isSalesOrAdmin,
    delete: isAdmin,
  },
  // No edit locks: they would show who opens which lead to anyone logged in, editors included
  // (/api/payload-locked-documents).
  lockDocuments: false,
  hooks: {
    beforeOperation: [hideSuspectedSpam],
    beforeChange: [recordStatusChange],
    afterChange: [queueLeadEmails],
    beforeDelete: [deleteLeadAttachedData],
  },
  endpoints: [
    convertLeadEndpoint,
    moveLeadEndpoint,
    restoreEndpoint("leads"),
    csvExport("leads", [
      col("编号", "reference"),
      col("提交时间", "createdAt"),
      col("状态", "status"),
      col("姓名", "name"),
      col("手机号", "phone"),
      col("邮箱", "email"),
      col("公司", "company"),
      col("备案类型", "filingType"),
      col("留言", "message"),
      col("合作伙伴", "partner.name"),
      col("负责人", "assignee.email"),
      col("订单号", "convertedOrder.orderNo"),
      col("来源页面", "source.pageUrl"),
      col("utm_source", "source.utm.source"),
      col("utm_medium", "source.utm.medium"),
      col("utm_campaign", "source.utm.campaign"),
    ]),
  ],
  fields: [
    {
      name: "reference",
      type: "text",
      label: { zh: "编号", en: "Reference" },
      required: true,
      unique: true,
      index: true,
      ...evidence,
    },
    {
      type: "row",
      fields: [
        {
          name: "name",
          type: "text",
          label: { zh: "姓名", en: "Name" },
          required: true,
          ...evidence,
        },
        {
          name: "phone",
          type: "text",
          label: { zh: "手机号", en: "Phone" },
          required: true,
          index: true,
          ...evidence,
          // A tel: link and 复制, in the list and under the field.
          admin: {
            ...evidence.admin,
            components: {
              Cell: "/admin/PhoneField/index.tsx#PhoneCell",
              afterInput: ["/admin/PhoneField/index.tsx#PhoneAfterInput"],
            },
          },
        },
        { name: "email", type: "email", label: { zh: "邮箱", en: "Email" }, ...evidence },
      ],
    },
    {
      type: "row",
      fields: [
        { name: "company", type: "text", label: { zh: "公司", en: "Company" }, ...evidence },
        {
          name: "filingType",
          type: "select",
          label: { zh: "备案类型", en: "Filing type" },
          options: optionsOf(FILING_TYPE_LABELS, FILING_TYPE_SLUGS),
          index: true,
          ...evidence,
        },
      ],
    },
    { name: "message", type: "textarea", label: { zh: "留言", en: "Message" }, ...evidence },
    suspectedSpamField,
    restoreSubmissionField,
    {
      name: "status",
      type: "select",
      label: { zh: "状态", en: "Status" },
      required: true,
      defaultValue: "new",
      index: true,
      options: optionsOf(LEAD_STATUS_LABELS, LEAD_STATUSES),
      // "Converted" is the conversion's to set (recordStatusChange refuses it by hand): the
      // admin offers it only on a lead that has its order.
      filterOptions: ({ data, options }) =>
        data?.convertedOrder
          ? options
          : options.filter((option) =>
              typeof option === "string" ? option !== "converted" : option.value !== "converted",
            ),
      // Shown as its name; changed by the lead's actions below it (the rules: statuses.ts).
      admin: { position: "sidebar", readOnly: true },
    },
    {
      name: "statusActions",
      type: "ui",
      label: { zh: "线索操作", en: "Lead actions" },
      admin: {
        position: "sidebar",
        components: { Field: "/admin/LeadActions/index.tsx#LeadActions" },
        condition: (data, _sibling, { user }) =>
          !data?.suspectedSpam && (user?.role === "sales" || user?.role === "admin"),
      },
    },
    {
      name: "lostReason",
      type: "text",
      label: { zh: "流失原因", en: "Reason lost" },
      admin: { position: "sidebar", condition: (data) => data?.status === "lost" },
      validate: (
        value: unknown,
        { siblingData, req }: { siblingData: { status?: string }; req: PayloadRequest },
      ) =>
        siblingData.status !== "lost" || (typeof value === "string" && value.trim() !== "")
          ? true
          : req.i18n?.language === "en"
            ? "Give the reason the lead was lost"
            : "请填写流失原因",
    },
    {
      name: "convertedOrder",
      type: "relationship",
      relationTo: "orders",
      label: { zh: "转化的订单", en: "Order" },
      index: true,
      ...setByConversion,
      admin: { position: "sidebar", readOnly: true, condition: (data) => !!data?.convertedOrder },
    },
    {
      name: "convertToOrder",
      type: "ui",
      label: { zh: "转为订单", en: "Convert to an order" },
      admin: {
        position: "sidebar",
        components: { Field: "/admin/ConvertLead/index.tsx#ConvertLead" },
        // Only for those who may convert (the component shows nothing before the first save),
        // and not while the lead is set aside as suspected spam (restore it first).
        condition: (data, _sibling, { user }) =>
          !data?.suspectedSpam && (user?.role === "sales" || user?.role === "admin"),
      },
    },
    assigneeField,
    partnerField,
    notesField,
    sourceField,
    consentRecordField,
    {
      name: "statusHistory",
      type: "array",
      label: { zh: "状态变更记录", en: "Status history" },
      labels: {
        singular: { zh: "状态变更", en: "Status change" },
        plural: { zh: "状态变更记录", en: "Status history" },
      },
      ...evidence,
      admin: {
        ...evidence.admin,
        components: { RowLabel: "/admin/StageRowLabel/index.tsx#StatusHistoryRowLabel" },
      },
      fields: [
        {
          name: "from",
          type: "select",
          label: { zh: "原状态", en: "From" },
          options: optionsOf(LEAD_STATUS_LABELS, LEAD_STATUSES),
        },
        {
          name: "to",
          type: "select",
          label: { zh: "新状态", en: "To" },
          options: optionsOf(LEAD_STATUS_LABELS, LEAD_STATUSES),
        },
        {
          name: "by",
          type: "relationship",
          relationTo: "users",
          label: { zh: "操作人", en: "By" },
        },
        {
          name: "at",
          type: "date",
          label: { zh: "时间", en: "At" },
          admin: { date: { pickerAppearance: "dayAndTime" } },
        },
      ],
    },
    emailsField("lead"),
  ],
};
