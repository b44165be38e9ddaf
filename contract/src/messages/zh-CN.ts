/** The Chinese texts behind the error codes the widget meets (the widget bundles this one alone). */
import type { TWidgetMessages } from "./types.ts";

export const ZH_CN_MESSAGES: TWidgetMessages = {
  required: "请填写此项",
  too_long: "内容过长",
  phone_invalid: "请输入有效的中国大陆手机号",
  email_invalid: "请输入有效的邮箱地址",
  filing_type_invalid: "请选择有效的备案类型",
  consent_required: "请阅读并同意隐私政策",
  sharing_consent_required: "请同意与合作伙伴共享信息",
  invalid: "格式不正确",
  validation_failed: "提交的信息有误,请检查后重试",
  origin_not_allowed: "此网站无权提交",
  unknown_partner: "合作伙伴不存在或已停用",
  payload_too_large: "提交内容过大",
  unsupported_media_type: "不支持的内容类型",
  rate_limited: "提交过于频繁,请稍后再试",
  not_found: "未找到",
  internal_error: "服务暂时不可用,请稍后再试或致电咨询热线",
};
