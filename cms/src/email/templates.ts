/**
 * What each email says (Chinese; the plain-text part is rendered from the same blocks). Values
 * from leads and orders are passed as data and escaped by the layout, never pasted into markup.
 */
import { PROVINCES } from "@beian/contract";
import type { Lead, Order } from "../payload-types.ts";
import { formatEmailTime, renderEmail, type TBlock, type TEmailContent } from "./layout.ts";

export const EMAIL_KINDS = [
  "lead_alert",
  "lead_alert_digest",
  "lead_confirmation",
  "order_alert",
  "order_confirmation",
  "stage_change",
  "sms_verification",
  "sms_deadline_reminder",
  "document_rejected",
  "account",
] as const;
export type TEmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_KIND_LABELS: Record<TEmailKind, string> = {
  lead_alert: "新线索提醒(销售)",
  lead_alert_digest: "新线索汇总(销售)",
  lead_confirmation: "线索确认(客户)",
  order_alert: "新订单提醒(销售)",
  order_confirmation: "订单确认(客户)",
  stage_change: "进度更新(客户)",
  sms_verification: "短信核验提醒(客户)",
  sms_deadline_reminder: "短信核验截止提醒(客户)",
  document_rejected: "材料驳回通知(客户)",
  account: "账户邮件(重置密码等)",
};

/** What the templates need besides the lead or order, resolved once by the caller. */
export type TEmailContext = {
  brand: string;
  hotline?: string | null;
  serviceHours?: string | null;
  siteUrl: string;
  cmsUrl: string;
  filingTypeTitle: (slug: string | null | undefined) => string | undefined;
  stage: (key: string) => { title: string; summary?: string | null };
  partnerName?: string | null;
};

/**
 * Customers' emails go to an address typed into a public form, unverified: anyone can make us
 * write to anyone. So they carry only our own words, the lead or order number, titles from our
 * own lists (filing type, province, stage, materials) and links to our own site — never a name,
 * entity, mini program or note the submitter typed, which would make our domain a phishing relay
 * ("账户异常,请访问 http://evil.example …"). Staff's own words (rejection reasons) may go.
 * The alerts to our own sales inbox keep every detail.
 */
const GREETING = "您好!";

const footerOf = (context: TEmailContext) => ({
  brand: context.brand,
  hotline: context.hotline ?? null,
  serviceHours: context.serviceHours ?? null,
});

const provinceName = (code: string) => PROVINCES.find((p) => p.code === code)?.zh ?? code;

const materialsOf = (order: Order): string[] =>
  Array.isArray(order.materials) ? order.materials.map(String) : [];

const trackLink = (context: TEmailContext, order: Order): TBlock => ({
  kind: "link",
  label: "查询办理进度",
  href: `${context.siteUrl.replace(/\/$/, "")}/track/?order=${encodeURIComponent(order.orderNo)}`,
});

/** The customer center, where every filing of the customer is (SITE_URL/my/). */
const customerCenterLink = (context: TEmailContext): TBlock => ({
  kind: "link",
  label: "登录小程序备案中心查看",
  href: `${context.siteUrl.replace(/\/$/, "")}/my/`,
});

const adminLink = (context: TEmailContext, collection: string, id: number | string): TBlock => ({
  kind: "link",
  label: "在后台处理",
  href: `${context.cmsUrl.replace(/\/$/, "")}/admin/collections/${collection}/${id}`,
});

export function leadAlert(lead: Lead, context: TEmailContext): TEmailContent {
  const utm = lead.source?.utm;
  const utmText = utm
    ? Object.entries(utm)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${value}`)
        .join(" ")
    : "";
  return renderEmail(
    `新线索 ${lead.reference}:${lead.name} ${lead.phone}`,
    "新线索",
    [
      {
        kind: "rows",
        rows: [
          ["编号", lead.reference],
          ["姓名", lead.name],
          ["手机号", lead.phone],
          ["邮箱", lead.email],
          ["公司", lead.company],
          ["备案类型", context.filingTypeTitle(lead.filingType)],
          ["留言", lead.message],
          ["合作伙伴", context.partnerName ?? "直接访问"],
          ["来源页面", lead.source?.pageUrl],
          ["来源网站", lead.source?.referrer],
          ["UTM", utmText],
        ],
      },
      adminLink(context, "leads", lead.id),
    ],
    footerOf(context),
  );
}

/** What a digest says of one lead: its number, our own titles and its page in the admin. */
export type TDigestLead = Pick<Lead, "id" | "reference" | "filingType" | "createdAt">;

/**
 * Many new-lead alerts waiting at once (a burst) as one email to the sales inbox: the leads'
 * numbers, filing types (our own list), arrival times and links to the admin, where the details
 * are. Only our words and numbers: nothing a submitter typed.
 */
export function leadAlertDigest(leads: TDigestLead[], context: TEmailContext): TEmailContent {
  const admin = context.cmsUrl.replace(/\/$/, "");
  const first = leads[0]?.reference ?? "";
  return renderEmail(
    `新线索 ${leads.length} 条:${first} 等`,
    `新线索 ${leads.length} 条`,
    [
      {
        kind: "paragraph",
        text: `短时间内收到 ${leads.length} 条新线索,合并为这一封提醒。详情请在后台查看。`,
      },
      {
        kind: "list",
        heading: "线索",
        items: leads.map((lead) =>
          [
            lead.reference,
            context.filingTypeTitle(lead.filingType),
            formatEmailTime(lead.createdAt),
            `${admin}/admin/collections/leads/${lead.id}`,
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      },
      { kind: "link", label: "在后台查看全部线索", href: `${admin}/admin/collections/leads` },
    ],
    footerOf(context),
  );
}

export function leadConfirmation(lead: Lead, context: TEmailContext): TEmailContent {
  return renderEmail(
    `我们已收到您的咨询(编号 ${lead.reference})`,
    "我们已收到您的咨询",
    [
      { kind: "paragraph", text: GREETING },
      {
        kind: "paragraph",
        text: "感谢您联系我们。备案顾问会在工作时间内尽快通过您留下的手机号与您联系,请留意来电。",
      },
      {
        kind: "rows",
        rows: [
          ["咨询编号", lead.reference],
          ["备案类型", context.filingTypeTitle(lead.filingType)],
        ],
      },
      {
        kind: "paragraph",
        text: "如果这不是您本人提交的咨询,请忽略本邮件。",
      },
    ],
    footerOf(context),
  );
}

type TRow = [label: string, value: string | null | undefined];

/** The order as our own lists name it: all that the customer's emails say about it. */
const orderSummary = (order: Order, context: TEmailContext): TRow[] => [
  ["订单号", order.orderNo],
  ["备案类型", context.filingTypeTitle(order.filingType)],
  ["省份", provinceName(order.entity.province)],
];

export function orderAlert(order: Order, context: TEmailContext): TEmailContent {
  const type = context.filingTypeTitle(order.filingType) ?? order.filingType;
  return renderEmail(
    `新订单 ${order.orderNo}:${type} · ${provinceName(order.entity.province)}`,
    "新备案订单",
    [
      {
        kind: "rows",
        rows: [
          ...orderSummary(order, context),
          ["备案主体", order.entity.name],
          ["小程序", order.miniProgram?.name],
          ["AppID", order.miniProgram?.appId],
        ],
      },
      {
        kind: "rows",
        rows: [
          ["联系人", order.contact.name],
          ["手机号", order.contact.phone],
          ["邮箱", order.contact.email],
          ["客户备注", order.note],
          ["合作伙伴", context.partnerName ?? "直接访问"],
        ],
      },
      { kind: "list", heading: "材料清单", items: materialsOf(order) },
      adminLink(context, "orders", order.id),
    ],
    footerOf(context),
  );
}

export function orderConfirmation(order: Order, context: TEmailContext): TEmailContent {
  const materials = materialsOf(order);
  return renderEmail(
    `订单已提交:${order.orderNo}`,
    "您的备案订单已提交",
    [
      { kind: "paragraph", text: GREETING },
      {
        kind: "paragraph",
        text: "我们已收到您的备案订单。备案顾问会尽快与您联系,核对资料后开始办理。请保存好订单号,凭订单号和手机号可随时查询进度。",
      },
      { kind: "rows", rows: orderSummary(order, context) },
      ...(materials.length
        ? [{ kind: "list", heading: "请提前准备以下材料", items: materials } as const]
        : []),
      trackLink(context, order),
    ],
    footerOf(context),
  );
}

export function stageChange(order: Order, context: TEmailContext): TEmailContent {
  const stage = context.stage(order.status);
  const blocks: TBlock[] = [
    { kind: "paragraph", text: GREETING },
    { kind: "paragraph", text: `您的备案订单 ${order.orderNo} 已进入「${stage.title}」阶段。` },
  ];
  if (stage.summary) blocks.push({ kind: "paragraph", text: stage.summary });
  if (order.status === "filed" && order.icpNumber) {
    blocks.push({ kind: "rows", rows: [["ICP备案号", order.icpNumber]] });
  }
  if (order.stageDeadline) {
    blocks.push({ kind: "rows", rows: [["本阶段预计截止", formatEmailTime(order.stageDeadline)]] });
  }
  if (order.status === "rejected" && order.rejection?.length) {
    blocks.push({
      kind: "list",
      heading: "需要修改的内容",
      items: order.rejection.map(
        (item) =>
          `${item.field}:${item.reason}${item.suggestion ? `(建议:${item.suggestion})` : ""}`,
      ),
    });
  }
  blocks.push(customerCenterLink(context), trackLink(context, order));
  return renderEmail(
    `订单 ${order.orderNo} 进度更新:${stage.title}`,
    `进度更新:${stage.title}`,
    blocks,
    footerOf(context),
  );
}

/**
 * A document sales did not accept: which one, why and what to do — the slot's name from our
 * checklist, the reason from our list, sales' own note — and where to upload it again.
 */
export function documentRejected(
  order: Order,
  rejected: { item: string; reason: string; fix: string },
  context: TEmailContext,
): TEmailContent {
  const blocks: TBlock[] = [
    { kind: "paragraph", text: GREETING },
    {
      kind: "paragraph",
      text: `您为备案订单 ${order.orderNo} 上传的「${rejected.item}」未通过审核,请按以下说明重新上传。`,
    },
    {
      kind: "rows",
      rows: [
        ["原因", rejected.reason],
        ["怎么做", rejected.fix],
      ],
    },
    customerCenterLink(context),
  ];
  return renderEmail(
    `订单 ${order.orderNo}:请重新上传「${rejected.item}」`,
    `请重新上传「${rejected.item}」`,
    blocks,
    footerOf(context),
  );
}

const smsSteps: TBlock = {
  kind: "list",
  heading: "如何完成短信核验",
  items: [
    "留意手机收到的工信部核验短信验证码。",
    "收到短信后 24 小时内,登录工信部备案管理系统(beian.miit.gov.cn)完成短信核验。",
    "核验成功后备案申请才能进入管局审核;超时未核验,备案信息将会被驳回。",
  ],
};

export function smsVerification(order: Order, context: TEmailContext): TEmailContent {
  const deadline = order.stageDeadline ? formatEmailTime(order.stageDeadline) : undefined;
  return renderEmail(
    `请在 24 小时内完成短信核验(订单 ${order.orderNo})`,
    "请在 24 小时内完成短信核验",
    [
      { kind: "paragraph", text: GREETING },
      {
        kind: "paragraph",
        text: `您的备案订单 ${order.orderNo} 已通过微信官方审核并提交至管局,工信部将向您发送核验短信。请在截止时间前完成核验。`,
      },
      { kind: "rows", rows: [["核验截止", deadline]] },
      smsSteps,
      customerCenterLink(context),
      trackLink(context, order),
    ],
    footerOf(context),
  );
}

export function smsDeadlineReminder(order: Order, context: TEmailContext): TEmailContent {
  const deadline = order.stageDeadline ? formatEmailTime(order.stageDeadline) : "";
  return renderEmail(
    `短信核验即将截止(订单 ${order.orderNo})`,
    "短信核验即将截止",
    [
      { kind: "paragraph", text: GREETING },
      {
        kind: "paragraph",
        text: `订单 ${order.orderNo} 的短信核验将于 ${deadline} 截止。如已完成核验,请忽略本提醒;如未收到短信,请立即致电我们。`,
      },
      smsSteps,
      customerCenterLink(context),
      trackLink(context, order),
    ],
    footerOf(context),
  );
}
