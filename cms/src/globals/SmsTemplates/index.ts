import type { Field, GlobalConfig } from "payload";
import { isAdmin } from "../../access/index.ts";
import {
  SMS_KIND_LABELS,
  SMS_PARAMS,
  TEMPLATE_FIELDS,
  type TNotificationKind,
} from "../../sms/templates.ts";

export const SMS_TEMPLATES_SLUG = "sms-templates";

const TEMPLATE_CODE = /^SMS_\w{1,60}$/;

const templateCodeValid = (value: unknown) =>
  !value ||
  TEMPLATE_CODE.test(String(value)) ||
  "模板代码形如 SMS_123456789(阿里云短信控制台「模板管理」中的模板 CODE)";

/** One notification's template: the approved code, and its wording for staff to read. */
function templateGroup(kind: TNotificationKind): Field {
  const params = SMS_PARAMS[kind].map((name) => `\${${name}}`).join("、");
  return {
    name: TEMPLATE_FIELDS[kind],
    type: "group",
    label: SMS_KIND_LABELS[kind].replace(/(客户)$/, ""),
    admin: { description: `模板参数:${params}` },
    fields: [
      {
        name: "code",
        type: "text",
        label: { zh: "模板代码", en: "Template code" },
        validate: templateCodeValid,
        admin: { description: "未填写时该类短信保留在发件箱,状态为「未发送(未设置短信模板)」" },
      },
      {
        name: "wording",
        type: "textarea",
        label: { zh: "模板内容", en: "Wording" },
        maxLength: 500,
        admin: {
          description: "与审核通过的模板内容一致,用于在发件箱中显示短信内容;留空时显示建议内容",
        },
      },
    ],
  };
}

/**
 * The approved SMS templates of the customer notifications (stage changes, rejections, the SMS
 * verification notice, 备案成功), set by an admin: mainland SMS templates are approved by the
 * provider in advance, so the code comes from its console. The sign-in code's template is
 * SMS_TEMPLATE_LOGIN. Admins only: sales read the messages in the outbox.
 */
export const SmsTemplates: GlobalConfig = {
  slug: SMS_TEMPLATES_SLUG,
  label: { zh: "短信模板", en: "SMS templates" },
  admin: {
    group: { zh: "系统", en: "System" },
    description: {
      zh: "客户通知短信使用的阿里云短信模板。模板须先在阿里云短信控制台申请并通过审核,再将模板代码填在这里。",
      en: "The Alibaba Cloud SMS templates of customer notifications. Apply for each template in the SMS console first, then enter its code here.",
    },
  },
  access: { read: isAdmin, update: isAdmin },
  fields: (Object.keys(TEMPLATE_FIELDS) as TNotificationKind[]).map(templateGroup),
};
