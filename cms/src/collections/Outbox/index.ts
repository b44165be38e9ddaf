import type { Access, CollectionConfig, Field } from "payload";
import { hasRole, isAdmin, nobody, nobodyField } from "../../access/index.ts";
import { OUTBOX_STATES } from "../../email/outbox.ts";
import { EMAIL_KIND_LABELS, EMAIL_KINDS } from "../../email/templates.ts";
import { chinaTime } from "../../fields/chinaTime.ts";
import { SMS_KIND_LABELS, SMS_KINDS } from "../../sms/templates.ts";
import { forgetSendJob } from "./hooks/forgetSendJob.ts";
import { OUTBOX_STATE_FIELD_LABEL, retryOnRequest } from "./hooks/retryOnRequest.ts";

export const OUTBOX_STATE_LABELS = {
  scheduled: { zh: "已预约", en: "Scheduled" },
  queued: { zh: "待发送", en: "Queued" },
  sent: { zh: "已发送", en: "Sent" },
  not_sent_no_key: { zh: "未发送(未配置密钥)", en: "Not sent (no key)" },
  failed: { zh: "发送失败", en: "Failed" },
  skipped: { zh: "已跳过", en: "Skipped" },
  sent_in_digest: { zh: "已并入汇总邮件", en: "Sent in a digest" },
  sending: { zh: "发送中", en: "Sending" },
  not_sent_no_template: { zh: "未发送(未设置短信模板)", en: "Not sent (no SMS template)" },
} as const;

export const OUTBOX_CHANNEL_LABELS = {
  email: { zh: "邮件", en: "Email" },
  sms: { zh: "短信", en: "SMS" },
} as const;

/** Messages only admins read: password-reset links and sign-in codes are someone's account. */
const ACCOUNT_KINDS = ["account", "sms_login_code"];

/**
 * Sales read the emails about leads and orders; account emails (password-reset links) are for
 * admins only — a reset link in a colleague's hands is their account.
 */
const readOutbox: Access = ({ req }) => {
  if (hasRole(req, "admin")) return true;
  if (hasRole(req, "sales")) return { kind: { not_in: ACCOUNT_KINDS } };
  return false;
};

/** Written by the system only: what was sent stays as it was sent. */
const systemOnly = { access: { update: nobodyField }, admin: { readOnly: true } } as const;

const systemField = (field: Field): Field =>
  ({ ...field, ...systemOnly, admin: { ...field.admin, ...systemOnly.admin } }) as Field;

type TSiblings = { channel?: string } | undefined;
const isSms = (_data: unknown, siblings: TSiblings) => siblings?.channel === "sms";
const isEmail = (_data: unknown, siblings: TSiblings) => siblings?.channel !== "sms";

/** Shown for one channel only: an email's HTML means nothing for a text message, and back. */
const onlyFor = (channel: "email" | "sms", field: Field): Field =>
  systemField({
    ...field,
    admin: { ...field.admin, condition: channel === "sms" ? isSms : isEmail },
  } as Field);

/** Every email has it; a text message has its wording (`smsText`) instead. */
const requiredForEmail = (value: unknown, { siblingData }: { siblingData: TSiblings }) =>
  siblingData?.channel === "sms" || Boolean(value) || "必填";

/**
 * Every email the system sends, with its whole content and delivery state. Emails are queued here
 * by the lead and order hooks and sent by the `sendEmail` job (see src/email/). Sales and admins
 * read it; an admin can send a failed email again by setting its state back to "queued".
 */
export const Outbox: CollectionConfig = {
  slug: "outbox",
  // No edit locks: they would show anyone logged in which email is being looked at, and what it
  // is about (/api/payload-locked-documents).
  lockDocuments: false,
  labels: { singular: { zh: "消息", en: "Message" }, plural: { zh: "发件箱", en: "Outbox" } },
  admin: {
    useAsTitle: "subject",
    defaultColumns: [
      "subject",
      "channel",
      "to",
      "kind",
      "state",
      "attempts",
      "lastError",
      "createdAt",
    ],
    listSearchableFields: ["subject", "to"],
    group: { zh: "销售", en: "Sales" },
    description: {
      zh: "系统发出的每一封邮件和每一条短信。未配置密钥时消息保留在这里,状态为「未发送(未配置密钥)」。发送失败的消息可将状态改回「待发送」重新发送。",
      en: "Every email and text message the system sends. Without keys they stay here as 'Not sent (no key)'. Set a failed message back to 'Queued' to send it again.",
    },
  },
  defaultSort: "-createdAt",
  access: { read: readOutbox, create: nobody, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [retryOnRequest.validate],
    afterChange: [retryOnRequest.queue],
    afterDelete: [forgetSendJob],
  },
  fields: [
    systemField({
      name: "channel",
      type: "select",
      label: { zh: "渠道", en: "Channel" },
      // Not `required`: every email queued before channels existed is one (the default).
      defaultValue: "email",
      index: true,
      options: Object.entries(OUTBOX_CHANNEL_LABELS).map(([value, label]) => ({ value, label })),
    }),
    systemField({
      name: "subject",
      type: "text",
      label: { zh: "主题", en: "Subject" },
      required: true,
    }),
    systemField({
      name: "to",
      type: "text",
      label: { zh: "收件人", en: "To" },
      admin: { description: { zh: "邮箱或手机号", en: "Email address or phone number" } },
      required: true,
      index: true,
    }),
    systemField({
      name: "kind",
      type: "select",
      label: { zh: "类型", en: "Kind" },
      required: true,
      options: [
        ...EMAIL_KINDS.map((kind) => ({ value: kind, label: EMAIL_KIND_LABELS[kind] })),
        ...SMS_KINDS.map((kind) => ({ value: kind, label: SMS_KIND_LABELS[kind] })),
      ],
    }),
    {
      name: "state",
      type: "select",
      label: OUTBOX_STATE_FIELD_LABEL,
      required: true,
      defaultValue: "queued",
      index: true,
      options: OUTBOX_STATES.map((state) => ({ value: state, label: OUTBOX_STATE_LABELS[state] })),
      admin: {
        position: "sidebar",
        description: {
          zh: "仅可将「发送失败」或「未发送」的消息改为「待发送」",
          en: "Only a failed or unsent message can be set back to 'Queued'",
        },
      },
    },
    systemField({
      name: "attempts",
      type: "number",
      label: { zh: "尝试次数", en: "Attempts" },
      defaultValue: 0,
      admin: { position: "sidebar" },
    }),
    systemField({
      name: "lastError",
      type: "text",
      label: { zh: "最近错误", en: "Last error" },
      admin: { position: "sidebar" },
    }),
    systemField(
      chinaTime({
        name: "lastAttemptAt",
        type: "date",
        label: { zh: "最近尝试", en: "Last attempt" },
        admin: { position: "sidebar" },
      }),
    ),
    systemField(
      chinaTime({
        name: "sentAt",
        type: "date",
        label: { zh: "发送时间", en: "Sent at" },
        admin: { position: "sidebar" },
      }),
    ),
    systemField(
      chinaTime({
        name: "sendAfter",
        type: "date",
        label: { zh: "预约发送时间", en: "Send after" },
        admin: { position: "sidebar" },
      }),
    ),
    systemField(
      chinaTime({
        name: "forDeadline",
        type: "date",
        label: { zh: "提醒对应的截止时间", en: "Reminder for deadline" },
        admin: { position: "sidebar" },
      }),
    ),
    systemField({
      name: "providerId",
      type: "text",
      label: { zh: "服务商消息 ID", en: "Provider message ID" },
      admin: {
        position: "sidebar",
        description: {
          zh: "Resend 邮件 ID 或阿里云短信回执 ID",
          en: "Resend email ID or SMS BizId",
        },
      },
    }),
    systemField({
      name: "idempotencyKey",
      type: "text",
      label: { zh: "幂等键", en: "Idempotency key" },
      required: true,
      unique: true,
      admin: { position: "sidebar" },
    }),
    onlyFor("email", {
      name: "batchKey",
      type: "text",
      label: { zh: "发送批次键", en: "Batch key" },
      index: true,
      admin: {
        position: "sidebar",
        description: {
          zh: "发送前确定:同一批次的邮件以同一个键一起发送,重试不会重复发送",
          en: "Fixed before sending: the emails of one batch go together under this key, so a retry never sends twice",
        },
      },
    }),
    onlyFor("email", {
      name: "digest",
      type: "relationship",
      relationTo: "outbox",
      label: { zh: "汇总邮件", en: "Digest" },
      admin: { position: "sidebar" },
    }),
    onlyFor("email", { name: "from", type: "text", label: { zh: "发件人", en: "From" } }),
    onlyFor("email", { name: "replyTo", type: "text", label: { zh: "回复地址", en: "Reply-to" } }),
    systemField({
      name: "lead",
      type: "relationship",
      relationTo: "leads",
      label: { zh: "线索", en: "Lead" },
      index: true,
    }),
    systemField({
      name: "order",
      type: "relationship",
      relationTo: "orders",
      label: { zh: "订单", en: "Order" },
      index: true,
    }),
    onlyFor("sms", {
      name: "phone",
      type: "text",
      label: { zh: "手机号", en: "Phone" },
      index: true,
    }),
    onlyFor("sms", {
      name: "templateCode",
      type: "text",
      label: { zh: "模板", en: "Template" },
      admin: { description: { zh: "阿里云短信模板代码", en: "Alibaba Cloud SMS template code" } },
    }),
    onlyFor("sms", {
      name: "templateParam",
      type: "text",
      label: { zh: "模板参数", en: "Template parameters" },
      // The JSON sent (its keys are the template's names); staff read the wording filled in.
      admin: { hidden: true },
    }),
    onlyFor("sms", {
      name: "smsText",
      type: "textarea",
      label: { zh: "内容", en: "Content" },
      admin: {
        description: { zh: "客户手机上显示的短信内容", en: "The message as the phone shows it" },
      },
    }),
    {
      name: "preview",
      type: "ui",
      label: { zh: "预览", en: "Preview" },
      admin: {
        condition: isEmail,
        components: { Field: "/admin/EmailPreview/index.tsx#EmailPreview" },
      },
    },
    onlyFor("email", {
      name: "text",
      type: "textarea",
      label: { zh: "正文(纯文本)", en: "Text part" },
      validate: requiredForEmail,
      // A digest of hundreds of new leads (email/digest.ts) is longer than Payload's default 40,000.
      maxLength: 1_000_000,
    }),
    onlyFor("email", {
      name: "html",
      type: "code",
      label: { zh: "正文(HTML)", en: "HTML part" },
      validate: requiredForEmail,
      // The source as plain text under the preview, not Payload's code editor (Monaco, from a CDN
      // China often cannot reach).
      admin: { components: { Field: "/admin/EmailHtmlSource/index.tsx#EmailHtmlSource" } },
    }),
  ],
};
