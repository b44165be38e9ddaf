/**
 * What the privacy notice promises about keeping personal data (页面 › 隐私政策, 保存期限), done
 * by a nightly job (03:30 China time; the job runner queues the first run when it starts):
 * - a lead that did not become an order: deleted 12 months after it was last worked on;
 * - an order (with the lead it came from): deleted 3 years after it was last touched — an order
 *   nobody has touched for 3 years is no longer being served;
 * - the emails about either go with them; account emails (password resets) after 6 months;
 * - a submission set aside as suspected spam that sales did not restore: 30 days after it came in;
 * - a customer's documents (ID cards, licences): MATERIALS_RETENTION_DAYS (30) after their order
 *   ended — police filing done, rejected or cancelled, and nobody touched it since.
 * "Last worked on / touched" is `updatedAt`: every status change, note or stage move updates it.
 */
import type { Payload, TaskConfig, Where } from "payload";
import { nextChinaTime, queueNightlyRun } from "../lib/nightlyJob.ts";
import { expireKeys } from "../public-api/idempotency.ts";
import { SUSPECTED } from "../quarantine/hideFromStaff.ts";
import { SUSPECTED_SPAM_DAYS } from "../quarantine/mark.ts";

export const RETENTION = {
  leadMonths: 12,
  orderYears: 3,
  accountEmailMonths: 6,
  suspectedSpamDays: SUSPECTED_SPAM_DAYS,
} as const;

export const ENFORCE_RETENTION_TASK = "enforceRetention";

export type TRetentionReport = {
  leads: number;
  orders: number;
  /** Leads and orders set aside as suspected spam and never restored. */
  suspectedSpam: number;
  emails: number;
  idempotencyKeys: number;
  /** Customers' sign-in codes and sessions past their end. */
  signIns: number;
  /** Customers' documents of orders that ended long enough ago. */
  documents: number;
};

/** Set from the environment in config.ts (`custom.retention`). */
export type TRetentionSettings = { documentDays: number };

function retentionSettingsOf(payload: Payload): TRetentionSettings {
  const settings = (payload.config.custom as { retention?: TRetentionSettings } | undefined)
    ?.retention;
  if (!settings) throw new Error("config.custom.retention is not set (see config.ts)");
  return settings;
}

const monthsBefore = (now: Date, months: number): string => {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
};

async function ids(
  payload: Payload,
  collection: "leads" | "orders",
  where: Where,
): Promise<(number | string)[]> {
  const { docs } = await payload.find({
    collection,
    where,
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
  });
  return docs.map((doc) => doc.id);
}

/**
 * Deletes in batches, each its own transaction: the first run over a large backlog must not hold
 * SQLite's one write lock for long, while prospects are submitting.
 */
export const RETENTION_BATCH = 100;

async function remove(
  payload: Payload,
  collection: "leads" | "orders" | "outbox" | "customer-codes" | "customer-sessions" | "materials",
  where: Where,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const { docs } = await payload.find({
      collection,
      where,
      limit: RETENTION_BATCH,
      depth: 0,
      select: {},
      overrideAccess: true,
    });
    if (docs.length === 0) return removed;
    const { errors } = await payload.delete({
      collection,
      where: { id: { in: docs.map((doc) => doc.id) } },
      overrideAccess: true,
      depth: 0,
    });
    if (errors.length) throw new Error(`retention: ${errors.length} ${collection} not deleted`);
    removed += docs.length;
  }
}

/** Suspected spam nobody restored, 30 days after it came in (it never had an email to go with it). */
async function removeSuspectedSpam(payload: Payload, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - RETENTION.suspectedSpamDays * 24 * 3600_000);
  const expired: Where = { and: [SUSPECTED, { createdAt: { less_than: cutoff.toISOString() } }] };
  return (await remove(payload, "leads", expired)) + (await remove(payload, "orders", expired));
}

export async function enforceRetention(
  payload: Payload,
  now = new Date(),
): Promise<TRetentionReport> {
  const suspectedSpam = await removeSuspectedSpam(payload, now);
  const orderIds = await ids(payload, "orders", {
    updatedAt: { less_than: monthsBefore(now, RETENTION.orderYears * 12) },
  });
  const leadIds = [
    ...(await ids(payload, "leads", {
      and: [
        { updatedAt: { less_than: monthsBefore(now, RETENTION.leadMonths) } },
        // No order came of it (a converted lead whose order was deleted counts as one).
        { convertedOrder: { exists: false } },
      ],
    })),
    // A converted lead is part of its order's record and goes with it.
    ...(orderIds.length ? await ids(payload, "leads", { convertedOrder: { in: orderIds } }) : []),
  ];
  // Emails first: they refer to the leads and orders (and hold the same personal data).
  const about: Where[] = [
    {
      // Password-reset emails and sign-in codes: about an account, not a lead or an order.
      kind: { in: ["account", "sms_login_code"] },
      createdAt: { less_than: monthsBefore(now, RETENTION.accountEmailMonths) },
    },
  ];
  if (leadIds.length) about.push({ lead: { in: leadIds } });
  if (orderIds.length) about.push({ order: { in: orderIds } });
  const emails = await remove(payload, "outbox", { or: about });
  const orders = orderIds.length ? await remove(payload, "orders", { id: { in: orderIds } }) : 0;
  const leads = leadIds.length ? await remove(payload, "leads", { id: { in: leadIds } }) : 0;
  // Stored answers to idempotent submissions hold personal data too, and serve no purpose after
  // their 24 hours.
  const idempotencyKeys = await expireKeys(payload, now);
  const signIns = await removeEndedSignIns(payload, now);
  const documents = await removeDocumentsOfEndedOrders(payload, now);
  return { leads, orders, suspectedSpam, emails, idempotencyKeys, signIns, documents };
}

/**
 * An order has ended when the police filing is done (公安备案完成日期 set) or it was rejected or
 * cancelled; its documents go MATERIALS_RETENTION_DAYS later. A rejected order's clock is its last
 * change (`updatedAt`): a customer still correcting it keeps their documents.
 */
async function removeDocumentsOfEndedOrders(payload: Payload, now: Date): Promise<number> {
  const { documentDays } = retentionSettingsOf(payload);
  const cutoff = new Date(now.getTime() - documentDays * 24 * 3600_000).toISOString();
  const ended = await ids(payload, "orders", {
    or: [
      { policeFiledAt: { less_than: cutoff } },
      {
        and: [{ status: { in: ["rejected", "cancelled"] } }, { updatedAt: { less_than: cutoff } }],
      },
    ],
  });
  if (ended.length === 0) return 0;
  return remove(payload, "materials", { order: { in: ended } });
}

/** Sign-in codes a day after they expired (kept that long to count a day's sends), ended sessions. */
async function removeEndedSignIns(payload: Payload, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const codes = await remove(payload, "customer-codes", { expiresAt: { less_than: dayAgo } });
  const ended = { expiresAt: { less_than: now.toISOString() } };
  return codes + (await remove(payload, "customer-sessions", ended));
}

/** 03:30 in China, when few people fill in forms: the first such moment after `now`. */
export function nextRunAt(now: Date): Date {
  return nextChinaTime(now, { hour: 3, minute: 30 });
}

/** Queues the next night's run unless one is already waiting (`lib/nightlyJob.ts`). */
export async function scheduleNextRetention(payload: Payload, now = new Date()): Promise<void> {
  await queueNightlyRun(payload, ENFORCE_RETENTION_TASK, nextRunAt(now));
}

export const enforceRetentionTask: TaskConfig<{ input: object; output: TRetentionReport }> = {
  slug: ENFORCE_RETENTION_TASK,
  label: "按隐私政策删除到期个人信息",
  outputSchema: [
    { name: "leads", type: "number" },
    { name: "orders", type: "number" },
    { name: "suspectedSpam", type: "number" },
    { name: "emails", type: "number" },
    { name: "idempotencyKeys", type: "number" },
    { name: "signIns", type: "number" },
    { name: "documents", type: "number" },
  ],
  retries: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
  handler: async ({ req }) => {
    // Tomorrow's run first: a night whose run fails (after its retries) must not end the chain.
    await scheduleNextRetention(req.payload);
    const report = await enforceRetention(req.payload);
    req.payload.logger.info(
      `retention: deleted ${report.leads} lead(s), ${report.orders} order(s), ${report.suspectedSpam} suspected spam submission(s), ${report.emails} email(s), ${report.idempotencyKeys} idempotency key(s), ${report.signIns} customer sign-in code(s) and session(s), ${report.documents} customer document(s)`,
    );
    return { output: report };
  },
};
