/**
 * The text messages we send. Mainland templates are approved in advance: a message is a template
 * code plus parameters, and the service fills the approved wording in. So each kind has a fixed
 * set of parameters — our own values only (the order number, a stage title from our list, a
 * deadline, the ICP number, a code), never a name or note a stranger typed — and a wording that
 * staff read in the outbox: the one an admin entered beside the code in 短信模板 (as approved), or
 * the suggested wording below (what to submit for approval).
 */

export const SMS_KINDS = [
  "sms_login_code",
  "sms_stage_change",
  "sms_rejected",
  "sms_verification_notice",
  "sms_filed",
  "sms_document_rejected",
] as const;
export type TSmsKind = (typeof SMS_KINDS)[number];

/** The notifications whose template an admin sets in 短信模板 (the login code's is SMS_TEMPLATE_LOGIN). */
export type TNotificationKind = Exclude<TSmsKind, "sms_login_code">;

export const SMS_KIND_LABELS: Record<TSmsKind, string> = {
  sms_login_code: "登录验证码短信",
  sms_stage_change: "进度更新短信(客户)",
  sms_rejected: "驳回通知短信(客户)",
  sms_verification_notice: "短信核验通知(客户)",
  sms_filed: "备案成功短信(客户)",
  sms_document_rejected: "材料驳回短信(客户)",
};

/** Each kind's parameters, by name, as the approved template must use them. */
export const SMS_PARAMS = {
  sms_login_code: ["code"],
  sms_stage_change: ["orderNo", "stage"],
  sms_rejected: ["orderNo"],
  sms_verification_notice: ["orderNo", "deadline"],
  sms_filed: ["orderNo", "icpNumber"],
  sms_document_rejected: ["orderNo", "item"],
} as const satisfies Record<TSmsKind, readonly string[]>;

export type TSmsParams<K extends TSmsKind> = Record<(typeof SMS_PARAMS)[K][number], string>;

/** The field of the 短信模板 global holding each notification's template (code and wording). */
export const TEMPLATE_FIELDS: Record<TNotificationKind, string> = {
  sms_stage_change: "stageChange",
  sms_rejected: "rejected",
  sms_verification_notice: "smsVerification",
  sms_filed: "filed",
  sms_document_rejected: "documentRejected",
};

/** The wording to submit for approval; `link` is the customer center, SITE_URL/my/. */
export function suggestedWording(kind: TSmsKind, link: string): string {
  switch (kind) {
    case "sms_login_code":
      return `您的登录验证码为\${code},5分钟内有效。如非本人操作,请忽略本短信。`;
    case "sms_stage_change":
      return `您的备案订单\${orderNo}已进入「\${stage}」阶段。登录小程序备案中心查看详情:${link}`;
    case "sms_rejected":
      return `您的备案订单\${orderNo}被驳回,请登录小程序备案中心查看驳回原因并修改:${link}`;
    case "sms_verification_notice":
      return `您的备案订单\${orderNo}已提交管局,工信部将向您发送核验短信,请收到后24小时内(\${deadline}前)登录beian.miit.gov.cn完成短信核验,超时将被驳回。详情:${link}`;
    case "sms_document_rejected":
      return `您的备案订单\${orderNo}上传的「\${item}」未通过审核,请登录小程序备案中心查看原因并重新上传:${link}`;
    case "sms_filed":
      return `恭喜!您的备案订单\${orderNo}已备案成功,ICP备案号:\${icpNumber}。登录小程序备案中心查看如何在小程序中展示:${link}`;
  }
}

/** The wording with the parameters filled in, as the customer's phone shows it. */
export function renderSms(wording: string, params: Record<string, string>): string {
  return wording.replace(/\$\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
