import { FILING_TYPE_SLUGS, PROVINCES, STAGE_KEYS } from "@beian/contract";
import type { CollectionConfig } from "payload";
import { isAdmin, isSalesOrAdmin, nobodyField } from "../../access/index.ts";
import { FILING_TYPE_LABELS, optionsOf, STAGE_LABELS } from "../../admin/labels.ts";
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
import { orderDocumentsEndpoint } from "../../materials/staffEndpoints.ts";
import { restoreSubmissionField, suspectedSpamField } from "../../quarantine/fields.ts";
import { hideSuspectedSpam } from "../../quarantine/hideFromStaff.ts";
import { restoreEndpoint } from "../../quarantine/restore.ts";
import { deleteOrderAttachedData } from "./hooks/deleteAttachedData.ts";
import { moveThroughStages } from "./hooks/moveThroughStages.ts";
import { queueOrderEmails } from "./hooks/queueOrderEmails.ts";
import { queueOrderTexts } from "./hooks/queueOrderTexts.ts";
import { releaseConvertedLead } from "./hooks/releaseConvertedLead.ts";
import { snapshotUploadSlots } from "./hooks/snapshotUploadSlots.ts";
import { moveOrderEndpoint } from "./move.ts";

/** Written by the stage actions only (POST /api/orders/:id/move, `move.ts`). */
const setByStageActions = { access: { create: nobodyField, update: nobodyField } } as const;

/**
 * Filing orders: placed through POST /api/public/orders (or by an admin), carried through the
 * stages of CONTRACT §4 by sales. Field names follow the public payload; `status` holds a stage key.
 */
export const Orders: CollectionConfig = {
  slug: "orders",
  labels: { singular: { zh: "备案订单", en: "Order" }, plural: { zh: "备案订单", en: "Orders" } },
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
    useAsTitle: "orderNo",
    defaultColumns: [
      "orderNo",
      "filingType",
      "contact.name",
      "contact.phone",
      "entity.province",
      "status",
      "stageDeadline",
      "assignee",
      "partner",
    ],
    listSearchableFields: ["orderNo", "contact.name", "contact.phone", "entity.name"],
    group: { zh: "销售", en: "Sales" },
  },
  defaultSort: "-createdAt",
  // Staff lists and counts always leave suspected spam out (quarantine/hideFromStaff.ts), so the
  // indexes they read start with it: without them SQLite reads a list's first page through the
  // suspected-spam index and sorts every genuine document for it, and counts the dashboard's
  // statuses, assignees and partners row by row (bench/scale.ts, scaleBench/queryPlans.test.ts).
  indexes: [
    { fields: ["suspectedSpam", "createdAt"] },
    { fields: ["suspectedSpam", "status", "stageDeadline"] },
    { fields: ["suspectedSpam", "assignee", "status"] },
    { fields: ["suspectedSpam", "partner"] },
    // Open orders (no police filing recorded) past their deadline, soonest first: 已超期.
    { fields: ["suspectedSpam", "policeFiledAt", "stageDeadline"] },
  ],
  access: { read: isSalesOrAdmin, create: isAdmin, update: isSalesOrAdmin, delete: isAdmin },
  // Sales work an order from its page: no edit locks (they would show who opens which order to
  // anyone logged in, editors included, through /api/payload-locked-documents).
  lockDocuments: false,
  hooks: {
    beforeOperation: [hideSuspectedSpam],
    beforeChange: [snapshotUploadSlots, moveThroughStages],
    afterChange: [queueOrderEmails, queueOrderTexts],
    beforeDelete: [releaseConvertedLead, deleteOrderAttachedData],
  },
  endpoints: [
    moveOrderEndpoint,
    orderDocumentsEndpoint,
    restoreEndpoint("orders"),
    csvExport("orders", [
      col("订单号", "orderNo"),
      col("下单时间", "createdAt"),
      col("阶段", "status"),
      col("本阶段截止", "stageDeadline"),
      col("备案类型", "filingType"),
      col("联系人", "contact.name"),
      col("手机号", "contact.phone"),
      col("邮箱", "contact.email"),
      col("主体名称", "entity.name"),
      col("省份", "entity.province"),
      col("小程序", "miniProgram.name"),
      col("AppID", "miniProgram.appId"),
      col("付款状态", "paymentState"),
      col("合作伙伴", "partner.name"),
      col("负责人", "assignee.email"),
      col("公安备案完成", "policeFiledAt"),
    ]),
  ],
  fields: [
    {
      name: "orderNo",
      type: "text",
      label: { zh: "订单号", en: "Order no." },
      required: true,
      unique: true,
      index: true,
      ...evidence,
    },
    {
      name: "filingType",
      type: "select",
      label: { zh: "备案类型", en: "Filing type" },
      required: true,
      index: true,
      options: optionsOf(FILING_TYPE_LABELS, FILING_TYPE_SLUGS),
      ...evidence,
    },
    {
      name: "contact",
      type: "group",
      label: { zh: "联系人", en: "Contact" },
      ...evidence,
      fields: [
        { name: "name", type: "text", label: { zh: "姓名", en: "Name" }, required: true },
        {
          name: "phone",
          type: "text",
          label: { zh: "手机号", en: "Phone" },
          required: true,
          index: true,
          // A tel: link and 复制, in the list and under the field.
          admin: {
            components: {
              Cell: "/admin/PhoneField/index.tsx#PhoneCell",
              afterInput: ["/admin/PhoneField/index.tsx#PhoneAfterInput"],
            },
          },
        },
        { name: "email", type: "email", label: { zh: "邮箱", en: "Email" } },
      ],
    },
    {
      name: "entity",
      type: "group",
      label: { zh: "备案主体", en: "Entity" },
      ...evidence,
      fields: [
        { name: "name", type: "text", label: { zh: "主体名称", en: "Name" } },
        {
          name: "province",
          type: "select",
          label: { zh: "省份", en: "Province" },
          required: true,
          index: true,
          options: PROVINCES.map((province) => ({
            value: province.code,
            label: { zh: province.zh, en: province.en },
          })),
        },
      ],
    },
    {
      name: "miniProgram",
      type: "group",
      label: { zh: "小程序", en: "Mini program" },
      ...evidence,
      fields: [
        { name: "name", type: "text", label: { zh: "名称", en: "Name" } },
        { name: "appId", type: "text", label: "AppID" },
      ],
    },
    { name: "note", type: "textarea", label: { zh: "客户备注", en: "Customer note" }, ...evidence },
    suspectedSpamField,
    restoreSubmissionField,
    {
      name: "uploadSlots",
      type: "json",
      label: { zh: "上传项(下单时)", en: "Upload slots (at order time)" },
      // Set when the order is created (`snapshotUploadSlots`); the review is the 客户材料 field.
      access: { create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      name: "documents",
      type: "ui",
      label: { zh: "客户材料", en: "Customer documents" },
      admin: {
        components: { Field: "/admin/MaterialsReview/index.tsx#MaterialsReview" },
        condition: (data, _sibling, { user }) =>
          !data?.suspectedSpam && (user?.role === "sales" || user?.role === "admin"),
      },
    },
    {
      name: "materials",
      type: "json",
      label: { zh: "材料清单(下单时)", en: "Checklist (at order time)" },
      ...evidence,
      // A numbered list, not Payload's JSON editor (Monaco, from a CDN China often cannot reach).
      admin: {
        ...evidence.admin,
        components: { Field: "/admin/MaterialsChecklist/index.tsx#MaterialsChecklist" },
      },
    },
    {
      name: "status",
      type: "select",
      label: { zh: "当前阶段", en: "Stage" },
      required: true,
      defaultValue: "submitted",
      index: true,
      options: optionsOf(STAGE_LABELS, STAGE_KEYS),
      // Moved by the stage actions below it, never picked from the nine stages (an admin creating
      // an order by hand still chooses where it starts).
      access: { update: nobodyField },
      admin: { position: "sidebar" },
    },
    {
      name: "stageActions",
      type: "ui",
      label: { zh: "阶段操作", en: "Stage actions" },
      admin: {
        position: "sidebar",
        components: { Field: "/admin/OrderActions/index.tsx#OrderActions" },
        condition: (data, _sibling, { user }) =>
          !data?.suspectedSpam && (user?.role === "sales" || user?.role === "admin"),
      },
    },
    {
      name: "notifyByEmail",
      type: "checkbox",
      label: { zh: "邮件通知客户", en: "Email the customer" },
      defaultValue: true,
      admin: {
        position: "sidebar",
        description: {
          zh: "客户不想收邮件时取消勾选。短信通知(进度、驳回、短信核验、备案成功)始终发送。",
          en: "Untick when the customer wants no emails. Text messages (stages, rejection, SMS verification, filed) always go.",
        },
      },
    },
    {
      name: "icpNumber",
      type: "text",
      label: { zh: "备案号", en: "ICP number" },
      index: true,
      ...setByStageActions,
      admin: {
        position: "sidebar",
        readOnly: true,
        condition: (data) => !!data?.icpNumber,
        description: {
          zh: "备案成功时通过「录入备案号」填写",
          en: "Entered when the order is filed",
        },
      },
    },
    {
      name: "stageNote",
      type: "text",
      label: { zh: "阶段变更说明", en: "Note for this move" },
      // The note sent with a stage action; the hook moves it into the history entry.
      ...setByStageActions,
      admin: { hidden: true },
    },
    {
      name: "stageDeadline",
      type: "date",
      label: { zh: "本阶段截止", en: "Stage deadline" },
      index: true,
      // Computed by the stage hook only: no client sets it (admin.readOnly alone is UI-only).
      access: { create: nobodyField, update: nobodyField },
      admin: { position: "sidebar", readOnly: true, date: { pickerAppearance: "dayAndTime" } },
    },
    {
      name: "policeFiledAt",
      type: "date",
      label: { zh: "公安备案完成日期", en: "Police filing done on" },
      index: true,
      admin: {
        position: "sidebar",
        condition: (data) => data?.status === "police_filing",
        date: { pickerAppearance: "dayAndTime" },
        description: {
          zh: "公安备案完成后填写;填写后本阶段不再计截止时间",
          en: "Set when the police filing is done; the stage then has no deadline",
        },
      },
    },
    {
      name: "policeFiledBy",
      type: "relationship",
      relationTo: "users",
      label: { zh: "公安备案登记人", en: "Police filing recorded by" },
      // Set by the stage hook with policeFiledAt.
      access: { create: nobodyField, update: nobodyField },
      admin: { position: "sidebar", readOnly: true, condition: (data) => !!data?.policeFiledBy },
    },
    {
      name: "paymentState",
      type: "select",
      label: { zh: "付款状态", en: "Payment" },
      defaultValue: "unpaid",
      options: [
        { value: "unpaid", label: { zh: "未付款", en: "Unpaid" } },
        { value: "paid", label: { zh: "已付款", en: "Paid" } },
        { value: "refunded", label: { zh: "已退款", en: "Refunded" } },
      ],
      admin: { position: "sidebar" },
    },
    assigneeField,
    partnerField,
    {
      name: "lead",
      type: "relationship",
      relationTo: "leads",
      label: { zh: "来源线索", en: "From lead" },
      index: true,
      // Set by POST /api/leads/:id/convert only.
      access: { create: nobodyField, update: nobodyField },
      admin: { position: "sidebar", readOnly: true, condition: (data) => !!data?.lead },
    },
    {
      name: "rejection",
      type: "array",
      label: { zh: "驳回原因(按字段)", en: "Rejection reasons" },
      labels: {
        singular: { zh: "驳回原因", en: "Rejection reason" },
        plural: { zh: "驳回原因", en: "Rejection reasons" },
      },
      // Chosen from the lists with the 驳回… action; kept as the customer was told.
      ...setByStageActions,
      admin: {
        readOnly: true,
        condition: (data) => data?.status === "rejected",
        components: { RowLabel: "/admin/StageRowLabel/index.tsx#RejectionRowLabel" },
      },
      fields: [
        { name: "field", type: "text", label: { zh: "驳回项目", en: "Item" }, required: true },
        { name: "reason", type: "textarea", label: { zh: "原因", en: "Reason" }, required: true },
        { name: "suggestion", type: "textarea", label: { zh: "说明", en: "Note" } },
      ],
    },
    notesField,
    {
      name: "stageHistory",
      type: "array",
      label: { zh: "阶段记录", en: "Stage history" },
      labels: {
        singular: { zh: "阶段记录", en: "Stage entry" },
        plural: { zh: "阶段记录", en: "Stage entries" },
      },
      ...evidence,
      admin: {
        ...evidence.admin,
        components: { RowLabel: "/admin/StageRowLabel/index.tsx#StageHistoryRowLabel" },
      },
      fields: [
        {
          name: "stage",
          type: "select",
          label: { zh: "阶段", en: "Stage" },
          options: optionsOf(STAGE_LABELS, STAGE_KEYS),
        },
        {
          name: "enteredAt",
          type: "date",
          label: { zh: "进入时间", en: "Entered" },
          admin: { date: { pickerAppearance: "dayAndTime" } },
        },
        {
          name: "by",
          type: "relationship",
          relationTo: "users",
          label: { zh: "操作人", en: "By" },
        },
        { name: "note", type: "text", label: { zh: "说明", en: "Note" } },
      ],
    },
    sourceField,
    consentRecordField,
    emailsField("order"),
  ],
};
