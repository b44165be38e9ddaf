/**
 * A year of an agency's sales data, made up but shaped like the real thing, for the scale bench
 * (bench/scale.ts): leads and orders spread over the last twelve months (more on working days),
 * China mobile numbers, partners and assignees, statuses and stages that follow a document's age
 * (old leads are converted or lost, today's are new; old orders are filed, recent ones in review),
 * each stage change in the order's history, a few percent set aside as suspected spam in the last
 * 30 days (retention removes older spam). Deterministic: the same seed number gives the same year,
 * so runs compare.
 *
 * Only plain data here; `seedYear.ts` writes it through Payload.
 */
import { randomBytes } from "node:crypto";
import { FILING_TYPE_SLUGS, PIPELINE_STAGE_KEYS, PROVINCES, type TStageKey } from "@beian/contract";
import type { TLeadStatus } from "../../admin/labels.ts";
import { DAY_MS } from "../../lib/chinaTime.ts";

/** mulberry32: small, fast and good enough to spread made-up data. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TRandom = ReturnType<typeof randomSource>;

export const pick = <T>(random: TRandom, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉浩宇欣怡子涵梓轩一诺雨桐晨阳思远";
const COMPANY_PLACES = [
  "杭州",
  "深圳",
  "广州",
  "上海",
  "北京",
  "成都",
  "南京",
  "苏州",
  "武汉",
  "西安",
  "厦门",
  "宁波",
];
const COMPANY_WORDS = [
  "云启",
  "星河",
  "青禾",
  "远航",
  "嘉禾",
  "瑞丰",
  "优品",
  "乐享",
  "智选",
  "百川",
  "鼎盛",
  "安然",
];
const COMPANY_TRADES = ["网络科技", "信息技术", "电子商务", "餐饮管理", "教育咨询", "文化传媒"];
const APP_NAMES = ["点餐", "商城", "预约", "会员", "课堂", "助手", "社区", "门店", "优选", "到家"];
const MESSAGES = [
  "想咨询小程序备案需要多久",
  "个人主体可以备案吗?",
  "我们有三个小程序需要备案,麻烦报价",
  "平台审核被驳回了,能帮忙看看吗",
  "请尽快联系我",
  "",
];
const PAGES = ["/", "/guide/", "/faq/", "/types/enterprise/", "/types/personal/", "/contact/"];
const UTM_SOURCES = ["baidu", "wechat", "zhihu", "partner", ""];
const SPAM_REASONS = ["honeypot", "too_fast", "flood"] as const;
const LOST_REASONS = ["价格原因", "已找其他机构", "暂不需要备案", "联系不上"];

export function chineseName(random: TRandom): string {
  const given = Math.floor(random() * GIVEN.length);
  return `${pick(random, [...SURNAMES])}${GIVEN.slice(given, given + 1 + Math.floor(random() * 2))}`;
}

/** 1[3-9]x xxxx xxxx: the shapes of mainland mobile numbers. */
export function chinaMobile(random: TRandom): string {
  let rest = "";
  for (let i = 0; i < 9; i++) rest += Math.floor(random() * 10);
  return `1${3 + Math.floor(random() * 7)}${rest}`;
}

export function companyName(random: TRandom): string {
  return `${pick(random, COMPANY_PLACES)}${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_TRADES)}有限公司`;
}

/**
 * A moment in the last `days` days, working days three times as likely as weekends, office hours
 * (China time) more likely than night: when prospects write and staff work.
 */
export function momentWithin(random: TRandom, now: number, days: number): number {
  for (;;) {
    const at = now - random() * days * DAY_MS;
    const china = new Date(at + 8 * 60 * 60 * 1000);
    const weekend = china.getUTCDay() === 0 || china.getUTCDay() === 6;
    const hour = china.getUTCHours();
    const weight = (weekend ? 1 / 3 : 1) * (hour >= 9 && hour < 21 ? 1 : 0.25);
    if (random() < weight) return Math.floor(at);
  }
}

/** A reference or order number from an index: unique by construction, in the codes' alphabet. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export function codeOf(index: number, length: number): string {
  let code = "";
  let rest = index;
  for (let i = 0; i < length; i++) {
    code = ALPHABET[rest % ALPHABET.length] + code;
    rest = Math.floor(rest / ALPHABET.length);
  }
  return code;
}

export type TPeople = {
  /** Salespeople and admins who work leads and orders (ids). */
  assignees: readonly (number | string)[];
  /** Partner ids; the first is the agency's own channel, which most submissions come through. */
  partners: readonly (number | string)[];
};

/** An array row's id as Payload draws it (an ObjectId's 24 hex digits). */
const rowId = () => randomBytes(12).toString("hex");

export type TStatusChange = {
  id: string;
  from: TLeadStatus;
  to: TLeadStatus;
  at: string;
  by: number | string;
};

export type TLeadData = {
  reference: string;
  name: string;
  phone: string;
  email: string | null;
  company: string | null;
  filingType: (typeof FILING_TYPE_SLUGS)[number];
  message: string | null;
  status: TLeadStatus;
  lostReason: string | null;
  suspectedSpam: (typeof SPAM_REASONS)[number] | null;
  assignee: number | string | null;
  partner: number | string;
  source: { pageUrl: string; utm: { source: string | null; medium: string | null } };
  consent: { privacy: true; privacyText: string; privacyUrl: string; at: string };
  statusHistory: TStatusChange[];
  createdAt: string;
  updatedAt: string;
};

/** Where a lead of this age has got to: new at first, then contacted, then converted or lost. */
function leadPath(random: TRandom, ageDays: number, converted: boolean): TLeadStatus[] {
  if (converted) return ["new", "contacted", "qualified", "converted"];
  if (ageDays < 1) return random() < 0.7 ? ["new"] : ["new", "contacted"];
  if (ageDays < 14) {
    const roll = random();
    if (roll < 0.15) return ["new"];
    if (roll < 0.6) return ["new", "contacted"];
    if (roll < 0.85) return ["new", "contacted", "qualified"];
    return ["new", "contacted", "lost"];
  }
  const roll = random();
  if (roll < 0.02) return ["new"];
  if (roll < 0.15) return ["new", "contacted"];
  if (roll < 0.25) return ["new", "contacted", "qualified"];
  return ["new", "contacted", "lost"];
}

export function lead(
  random: TRandom,
  index: number,
  now: number,
  people: TPeople,
  converted = false,
): TLeadData {
  // Spam is kept 30 days; 4% of the last month's submissions were set aside.
  const spam = !converted && random() < 0.012;
  const created = spam ? momentWithin(random, now, 30) : momentWithin(random, now, 360);
  const ageDays = (now - created) / DAY_MS;
  const path: TLeadStatus[] = spam ? ["new"] : leadPath(random, ageDays, converted);
  const status = path[path.length - 1] as TLeadStatus;
  // A share of the newest leads nobody has picked up yet.
  const assignee =
    spam || (status === "new" && random() < 0.6) || random() < 0.05
      ? null
      : pick(random, people.assignees);
  const by = assignee ?? pick(random, people.assignees);
  let at = created;
  const statusHistory = path.slice(1).map((to, i) => {
    at = Math.min(now, at + (0.2 + random() * 3) * DAY_MS);
    return { id: rowId(), from: path[i] as TLeadStatus, to, at: new Date(at).toISOString(), by };
  });
  const name = chineseName(random);
  const createdAt = new Date(created).toISOString();
  return {
    reference: `L-${codeOf(index, 6)}`,
    name,
    phone: chinaMobile(random),
    email: random() < 0.6 ? `lead${index}@example.com` : null,
    company: random() < 0.5 ? companyName(random) : null,
    filingType: pick(random, FILING_TYPE_SLUGS),
    message: pick(random, MESSAGES) || null,
    status,
    lostReason: status === "lost" ? pick(random, LOST_REASONS) : null,
    suspectedSpam: spam ? pick(random, SPAM_REASONS) : null,
    assignee,
    partner:
      random() < 0.5 ? (people.partners[0] as number | string) : pick(random, people.partners),
    source: {
      pageUrl: `https://www.example.com${pick(random, PAGES)}`,
      utm: { source: pick(random, UTM_SOURCES) || null, medium: random() < 0.3 ? "cpc" : null },
    },
    consent: {
      privacy: true,
      privacyText: "我已阅读并同意《隐私政策》",
      privacyUrl: "https://www.example.com/privacy/",
      at: createdAt,
    },
    statusHistory,
    createdAt,
    updatedAt: new Date(at).toISOString(),
  };
}

export type TStageEntry = {
  id: string;
  stage: TStageKey;
  enteredAt: string;
  by: number | string;
  note: null;
};

export type TOrderData = {
  orderNo: string;
  filingType: (typeof FILING_TYPE_SLUGS)[number];
  contact: { name: string; phone: string; email: string | null };
  entity: { name: string; province: string };
  miniProgram: { name: string; appId: string };
  note: string | null;
  materials: string[];
  status: TStageKey;
  stageDeadline: string | null;
  policeFiledAt: string | null;
  paymentState: "unpaid" | "paid" | "refunded";
  notifyByEmail: boolean;
  icpNumber: string | null;
  suspectedSpam: (typeof SPAM_REASONS)[number] | null;
  assignee: number | string | null;
  partner: number | string;
  stageHistory: TStageEntry[];
  consent: { privacy: true; privacyText: string; privacyUrl: string; at: string };
  createdAt: string;
  updatedAt: string;
};

/** Days an order typically spends in each stage before the next. */
const STAGE_DAYS: Record<string, number> = {
  submitted: 1,
  preliminary_review: 2,
  platform_review: 3,
  sms_verification: 1,
  bureau_review: 12,
  filed: 5,
  police_filing: 20,
};

/** The stages an order of this age has been through, the last one where it is now. */
function orderPath(random: TRandom, ageDays: number): TStageKey[] {
  const path: TStageKey[] = [];
  let elapsed = 0;
  for (const stage of PIPELINE_STAGE_KEYS) {
    path.push(stage);
    elapsed += (STAGE_DAYS[stage] ?? 1) * (0.5 + random());
    if (elapsed > ageDays) break;
    // A few are rejected or cancelled on the way (the customer corrects and re-orders).
    if (stage === "platform_review" && random() < 0.06) return [...path, "rejected"];
    if (stage === "preliminary_review" && random() < 0.03) return [...path, "cancelled"];
  }
  return path;
}

export function order(
  random: TRandom,
  index: number,
  now: number,
  people: TPeople,
  createdFrom?: { at: number; lead: TLeadData },
): TOrderData {
  const spam = !createdFrom && random() < 0.01;
  const created = createdFrom
    ? createdFrom.at
    : spam
      ? momentWithin(random, now, 30)
      : momentWithin(random, now, 360);
  const path = spam ? (["submitted"] as TStageKey[]) : orderPath(random, (now - created) / DAY_MS);
  const status = path[path.length - 1] as TStageKey;
  const assignee =
    spam || (status === "submitted" && random() < 0.5) ? null : pick(random, people.assignees);
  const by = assignee ?? pick(random, people.assignees);
  let at = created;
  const stageHistory = path.map((stage, i) => {
    if (i > 0)
      at = Math.min(now, at + (STAGE_DAYS[path[i - 1] as string] ?? 1) * (0.5 + random()) * DAY_MS);
    return { id: rowId(), stage, enteredAt: new Date(at).toISOString(), by, note: null };
  });
  const filed = status === "police_filing" && now - at > 10 * DAY_MS;
  const open = status !== "rejected" && status !== "cancelled" && !filed;
  // Deadlines a little ahead of the stage's start; some already passed (the overdue list).
  const deadline = at + (STAGE_DAYS[status] ?? 1) * (0.8 + random() * 0.8) * DAY_MS;
  const contactName = createdFrom?.lead.name ?? chineseName(random);
  const createdAt = new Date(created).toISOString();
  return {
    orderNo: `B-${codeOf(index, 8).slice(0, 4)}-${codeOf(index, 8).slice(4)}`,
    filingType: createdFrom?.lead.filingType ?? pick(random, FILING_TYPE_SLUGS),
    contact: {
      name: contactName,
      phone: createdFrom?.lead.phone ?? chinaMobile(random),
      email: random() < 0.8 ? `order${index}@example.com` : null,
    },
    entity: { name: companyName(random), province: pick(random, PROVINCES).code },
    miniProgram: {
      name: `${pick(random, COMPANY_WORDS)}${pick(random, APP_NAMES)}`,
      appId: `wx${Math.floor(random() * 2 ** 52)
        .toString(16)
        .padStart(16, "0")}`,
    },
    note: random() < 0.2 ? "请工作日联系" : null,
    materials: ["营业执照", "法人身份证正反面", "负责人手机号", "小程序服务内容说明"],
    status,
    stageDeadline: open && status !== "filed" ? new Date(deadline).toISOString() : null,
    policeFiledAt: filed ? new Date(at + 10 * DAY_MS).toISOString() : null,
    paymentState: path.length > 2 ? "paid" : "unpaid",
    notifyByEmail: random() < 0.95,
    icpNumber:
      path.includes("filed") && status !== "rejected" ? `浙ICP备${2026000000 + index}号-1X` : null,
    suspectedSpam: spam ? pick(random, SPAM_REASONS) : null,
    assignee,
    partner:
      createdFrom?.lead.partner ??
      (random() < 0.5 ? (people.partners[0] as number | string) : pick(random, people.partners)),
    stageHistory,
    consent: {
      privacy: true,
      privacyText: "我已阅读并同意《隐私政策》",
      privacyUrl: "https://www.example.com/privacy/",
      at: createdAt,
    },
    createdAt,
    updatedAt: new Date(at).toISOString(),
  };
}
