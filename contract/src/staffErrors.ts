/**
 * Error codes that only the staff's endpoints answer (lead conversion, site rebuild, CSV exports),
 * with their status and texts. Kept apart from errors.ts and errorMessages.ts so the widget, which
 * never meets them, does not carry their texts.
 */
import type { TLocale } from "./locale.ts";

export const STAFF_ERRORS = {
  unauthorized: { status: 401, "zh-CN": "请先登录", en: "Please log in" },
  forbidden: { status: 403, "zh-CN": "你的账号无权执行此操作", en: "Your account may not do this" },
  already_converted: {
    status: 409,
    "zh-CN": "该线索已转化为订单",
    en: "This lead has already been converted",
  },
  publishing_not_configured: {
    status: 409,
    "zh-CN": "网站发布未配置(需要部署钩子或站点目录)",
    en: "Site publishing is not configured (no deploy hook or site directory)",
  },
} as const satisfies Record<string, { status: number } & Record<TLocale, string>>;

export type TStaffErrorCode = keyof typeof STAFF_ERRORS;
