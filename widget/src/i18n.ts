/** The widget's own interface texts; field error messages come from the contract's MESSAGES. */
import type { TLocale, TWidgetMessages } from "@beian/contract";

const zh = {
  launcher: "在线咨询",
  title: "小程序备案",
  via: "由小程序备案中心为 {p} 用户办理",
  close: "关闭",
  tabs: "选择服务",
  lead: "免费咨询",
  order: "在线下单",
  leadForm: "免费咨询表单",
  orderForm: "备案下单表单",
  name: "姓名",
  phone: "手机号",
  email: "邮箱",
  company: "公司名称",
  filingType: "备案类型",
  message: "留言",
  "contact.name": "联系人",
  "contact.phone": "手机号",
  "contact.email": "邮箱",
  "entity.name": "主体名称",
  entityHint: "企业或个体工商户的名称,个人备案可不填",
  "entity.province": "主体所在省份",
  "miniProgram.name": "小程序名称",
  "miniProgram.appId": "小程序 AppID",
  appIdHint: "以 wx 开头的 18 位字符,可在小程序后台查看",
  note: "备注",
  optional: "(选填)",
  choose: "请选择",
  privacy: "《隐私政策》",
  newTab: "(在新窗口打开)",
  sharing: "我同意与 {p} 共享以上信息,用于本次服务",
  sharedWith: "(合作伙伴:{p})",
  leadSubmit: "提交咨询",
  orderSubmit: "提交订单",
  sending: "正在提交…",
  retrying: "网络不稳定,正在重试…",
  fix: "有 {n} 项需要修改,请检查后再提交",
  failed: "暂时无法提交。内容已在本标签页暂存30分钟,其间重新打开本页会自动提交。急事请致电",
  leadDone: "提交成功!顾问会尽快与您联系。",
  reference: "咨询编号",
  orderDone: "订单已提交!顾问会尽快与您联系核实信息。",
  orderNo: "订单号",
  materials: "请提前准备以下材料:",
  again: "再填一份",
  reply: "1 个工作日内回复,急事请致电",
  track: "查看订单进度",
};

export type TStrings = typeof zh;
/** What the English chunk (v1/form-en.js) hands to the form: its texts and field messages. */
export type TEnglish = { strings: TStrings; messages: TWidgetMessages };

/**
 * The texts by language. English is not in the form script (a Chinese page view never needs it):
 * i18n.en.ts adds it, from its own chunk (v1/form-en.js) that the form loads for `data-lang="en"`;
 * the React component imports it at once.
 */
export const STRINGS = { "zh-CN": zh } as Record<TLocale, TStrings>;

/** `fill("有 {n} 项", { n: 2 })` → `有 2 项`. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w)\}/g, (all, key: string) => String(values[key] ?? all));
