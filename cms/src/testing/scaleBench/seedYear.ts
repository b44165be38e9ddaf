/**
 * Writes a year of sales data (`yearOfData.ts`) into a prepared database through Payload's own
 * database adapter (`payload.db.create`, one transaction per chunk): the rows Payload itself would
 * write, without the per-document hooks, access checks and validation a request pays for, so
 * 100,000 leads take a couple of minutes instead of an hour. What the hooks would have added is
 * written here as they would have written it: each order's emails in the outbox (rendered by the
 * real templates, sent long ago), its stage history, each lead's status history, a converted lead
 * and its order pointing at each other. Cases are written as published, with their version.
 */
import { randomUUID } from "node:crypto";
import type { Payload, PayloadRequest } from "payload";
import QRCode from "qrcode";
import { inTransaction } from "../../db/transaction.ts";
import { emailContext } from "../../email/context.ts";
import { emailSettingsOf } from "../../email/outbox.ts";
import {
  orderAlert,
  orderConfirmation,
  smsVerification,
  stageChange,
  type TEmailContext,
} from "../../email/templates.ts";
import type { Order } from "../../payload-types.ts";
import {
  chineseName,
  lead,
  order,
  pick,
  randomSource,
  type TOrderData,
  type TPeople,
  type TRandom,
} from "./yearOfData.ts";

export type TYearSizes = { leads: number; orders: number; cases: number };

/** Documents per transaction: big enough to amortise the commit, small enough to stay in memory. */
const CHUNK = 500;
/** One order in this many comes from a converted lead (the rest were placed directly). */
const CONVERTED_SHARE = 0.3;

const SALES_TEAM = ["销售-王芳", "销售-李强", "销售-张敏", "销售-刘洋", "销售-陈静"];

/** The salespeople (the dev login's and five more) and the partners the seed created. */
async function peopleOf(payload: Payload): Promise<TPeople> {
  for (const [i, name] of SALES_TEAM.entries()) {
    const email = `scale-sales-${i + 1}@example.com`;
    const { totalDocs } = await payload.count({
      collection: "users",
      where: { email: { equals: email } },
    });
    if (totalDocs === 0) {
      await payload.create({
        collection: "users",
        data: { email, password: `scale-bench-${randomUUID()}`, role: "sales", name },
      });
    }
  }
  const users = await payload.find({
    collection: "users",
    where: { role: { in: ["sales"] } },
    limit: 100,
    depth: 0,
  });
  const partners = await payload.find({
    collection: "partners",
    limit: 100,
    depth: 0,
    sort: "id",
  });
  const direct = partners.docs.find((partner) => partner.key === "direct") ?? partners.docs[0];
  if (!direct) throw new Error("no partners: seed the database first");
  return {
    assignees: users.docs.map((user) => user.id),
    partners: [direct.id, ...partners.docs.filter((p) => p.id !== direct.id).map((p) => p.id)],
  };
}

type TSentEmail = {
  kind: string;
  to: string;
  content: { subject: string; text: string; html: string };
  at: string;
};

/** The emails the order's hooks queued over its life: alert, confirmation, one per stage move. */
function emailsOf(doc: Order, data: TOrderData, context: TEmailContext, inbox: string) {
  const emails: TSentEmail[] = [
    { kind: "order_alert", to: inbox, content: orderAlert(doc, context), at: data.createdAt },
  ];
  const customer = data.notifyByEmail ? data.contact.email : null;
  if (!customer) return emails;
  emails.push({
    kind: "order_confirmation",
    to: customer,
    content: orderConfirmation(doc, context),
    at: data.createdAt,
  });
  for (const entry of data.stageHistory.slice(1)) {
    const then = { ...doc, status: entry.stage } as Order;
    emails.push({
      kind: entry.stage === "sms_verification" ? "sms_verification" : "stage_change",
      to: customer,
      content:
        entry.stage === "sms_verification"
          ? smsVerification(then, context)
          : stageChange(then, context),
      at: entry.enteredAt,
    });
  }
  return emails;
}

async function writeEmails(req: PayloadRequest, orderId: number | string, emails: TSentEmail[]) {
  const { from } = emailSettingsOf(req.payload);
  for (const email of emails) {
    const sentAt = new Date(Date.parse(email.at) + 3_000).toISOString();
    await req.payload.db.create({
      collection: "outbox",
      data: {
        channel: "email",
        kind: email.kind,
        state: "sent",
        from,
        to: email.to,
        subject: email.content.subject,
        text: email.content.text,
        html: email.content.html,
        idempotencyKey: `beian-outbox-${randomUUID()}`,
        attempts: 1,
        lastAttemptAt: sentAt,
        sentAt,
        providerId: randomUUID(),
        order: orderId,
        createdAt: email.at,
        updatedAt: sentAt,
      },
      req,
      returning: false,
    });
  }
}

/** Creates one order with its emails; returns its id. */
async function writeOrder(req: PayloadRequest, data: TOrderData, inbox: string, leadId?: number) {
  const created = await req.payload.db.create({
    collection: "orders",
    data: { ...data, ...(leadId === undefined ? {} : { lead: leadId }) },
    req,
    select: { id: true },
  });
  const doc = { ...data, id: created.id } as unknown as Order;
  const context = await emailContext(req, data.partner);
  await writeEmails(req, created.id, emailsOf(doc, data, context, inbox));
  return created.id as number;
}

type TCursor = { random: TRandom; now: number; people: TPeople; inbox: string };

/**
 * One chunk: `leads` leads, of which the converted ones bring their order, and `orders` orders
 * placed directly. Lead and order numbers come from running indexes, so they never collide.
 */
async function writeChunk(
  payload: Payload,
  cursor: TCursor,
  start: { lead: number; order: number },
  counts: { leads: number; converted: number; orders: number },
) {
  const { random, now, people, inbox } = cursor;
  await inTransaction(payload, async (req) => {
    let orderIndex = start.order;
    for (let i = 0; i < counts.leads; i++) {
      const converted = i < counts.converted;
      const data = lead(random, start.lead + i, now, people, converted);
      if (!converted) {
        await payload.db.create({ collection: "leads", data, req, returning: false });
        continue;
      }
      const { id: leadId } = await payload.db.create({
        collection: "leads",
        data,
        req,
        select: { id: true },
      });
      const at = Date.parse(data.statusHistory.at(-1)?.at ?? data.createdAt);
      const orderData = order(random, orderIndex++, now, people, { at, lead: data });
      const orderId = await writeOrder(req, orderData, inbox, leadId as number);
      await payload.db.updateOne({
        collection: "leads",
        id: leadId,
        data: { convertedOrder: orderId },
        req,
        returning: false,
      });
    }
    for (let i = 0; i < counts.orders; i++) {
      await writeOrder(req, order(random, orderIndex++, now, people), inbox);
    }
  });
}

export async function seedLeadsAndOrders(
  payload: Payload,
  sizes: Pick<TYearSizes, "leads" | "orders">,
  options: { seed?: number; now?: Date; progress?: (line: string) => void } = {},
) {
  const people = await peopleOf(payload);
  const cursor: TCursor = {
    random: randomSource(options.seed ?? 2026),
    now: (options.now ?? new Date()).getTime(),
    people,
    inbox: emailSettingsOf(payload).salesInbox,
  };
  const converted = Math.round(sizes.orders * CONVERTED_SHARE);
  const chunks = Math.max(1, Math.ceil(sizes.leads / CHUNK));
  const share = (total: number, chunk: number) =>
    Math.floor((total * (chunk + 1)) / chunks) - Math.floor((total * chunk) / chunks);
  let leadIndex = 0;
  let orderIndex = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const counts = {
      leads: share(sizes.leads, chunk),
      converted: share(converted, chunk),
      orders: share(sizes.orders - converted, chunk),
    };
    await writeChunk(payload, cursor, { lead: leadIndex, order: orderIndex }, counts);
    leadIndex += counts.leads;
    orderIndex += counts.converted + counts.orders;
    if (chunk % 20 === 19) options.progress?.(`${leadIndex} leads, ${orderIndex} orders`);
  }
  return { leads: leadIndex, orders: orderIndex };
}

const INDUSTRY_NAMES = ["餐饮", "零售", "教育", "医疗", "工具", "本地生活"];

/** Published cases with their version, as an editor's publish leaves them. */
export async function seedCases(payload: Payload, count: number, seed = 7) {
  const random = randomSource(seed);
  const { docs: types } = await payload.find({ collection: "filing-types", depth: 0, limit: 10 });
  const industries = (
    payload.collections.cases.config.flattenedFields.find((field) => field.name === "industry") as {
      options: { value: string }[];
    }
  ).options.map((option) => option.value);
  for (let start = 0; start < count; start += CHUNK) {
    await inTransaction(payload, async (req) => {
      for (let i = start; i < Math.min(start + CHUNK, count); i++) {
        const link = `https://wxaurl.cn/scale${i}`;
        const at = new Date(Date.now() - random() * 360 * 86_400_000).toISOString();
        const data = {
          name: `${pick(random, INDUSTRY_NAMES)}小程序${i + 1}`,
          introduction: `${chineseName(random)}的团队在我们的帮助下完成了备案,${Math.ceil(random() * 20)} 个工作日上线。`,
          industry: pick(random, industries),
          filingType: pick(random, types).id,
          miniProgramLink: link,
          qrCodeSvg: await QRCode.toString(link, {
            type: "svg",
            errorCorrectionLevel: "M",
            margin: 1,
          }),
          featured: false,
          demo: true,
          order: 1000 + i,
          _status: "published",
          createdAt: at,
          updatedAt: at,
        };
        const { id } = await payload.db.create({
          collection: "cases",
          data,
          req,
          select: { id: true },
        });
        await payload.db.createVersion({
          collectionSlug: "cases",
          parent: id,
          versionData: { ...data, id } as never,
          autosave: false,
          createdAt: at,
          updatedAt: at,
          req,
          returning: false,
        });
      }
    });
  }
}
