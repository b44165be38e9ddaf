/**
 * The numbers behind the sales dashboard on the admin home: leads by status, orders by stage,
 * both per partner, and what is overdue (open orders past their stage deadline, leads still new
 * after a working day), oldest first. An order is open until rejected, cancelled or police-filed.
 * Suspected spam counts nowhere (the collections leave it out of what staff list and count,
 * `quarantine/hideFromStaff.ts`); how much of it waits under 可疑提交 is counted apart.
 * Every query runs with the viewer's own access, and anyone but sales or an admin is refused
 * outright. Each count carries the admin list link that shows exactly the documents counted, so
 * the dashboard and the list filters never disagree.
 */
import { STAGE_KEYS, TERMINAL_STAGE_KEYS, type TStageKey } from "@beian/contract";
import { Forbidden, type Payload, type TypedUser, type Where } from "payload";
import { roleOf } from "../../access/roles.ts";
import { addWorkingDays } from "../../orders/deadlines.ts";
import { SUSPECTED, SUSPECTED_LIST_PARAMS } from "../../quarantine/hideFromStaff.ts";
import { LEAD_STATUS_LABELS, STAGE_LABELS, type TLeadStatus } from "../labels.ts";
import { documentHref, listHref, whereParams } from "./links.ts";
import { countQueue, type TQueueItem } from "./queue.ts";

/** A new lead should hear from sales within one working day. */
export const NEW_LEAD_WORKING_DAYS = 1;
/** How many overdue orders and leads the dashboard lists (the links show all of them). */
export const OVERDUE_LIST_LIMIT = 20;

type TId = number | string;
type TCount = { key: string; label: string; count: number; href: string };

export type TPartnerCount = {
  partner: { id: TId; key: string; name: string } | null;
  leads: number;
  orders: number;
  openOrders: number;
  leadsHref: string;
  ordersHref: string;
};

export type TOverdueOrder = {
  id: TId;
  orderNo: string;
  contactName: string;
  stage: string;
  stageLabel: string;
  deadline: string;
  href: string;
};

export type TStaleLead = {
  id: TId;
  reference: string;
  name: string;
  createdAt: string;
  href: string;
};

/** Suspected spam waiting for sales to look at (and restore, or let go after 30 days). */
export type TSuspectedCount = {
  leads: number;
  orders: number;
  leadsHref: string;
  ordersHref: string;
};

export type TSalesSummary = {
  now: string;
  /** The work queue: 未分配, 我的, 今日新增, 已超期 for leads and for orders. */
  queue: { leads: TQueueItem[]; orders: TQueueItem[] };
  leadsByStatus: TCount[];
  leadsTotal: number;
  ordersByStage: TCount[];
  ordersTotal: number;
  byPartner: TPartnerCount[];
  overdueOrders: TOverdueOrder[];
  overdueOrdersTotal: number;
  overdueOrdersHref: string;
  staleLeads: TStaleLead[];
  staleLeadsTotal: number;
  staleLeadsHref: string;
  suspected: TSuspectedCount;
};

type TViewer = Pick<TypedUser, "id"> & { role?: string | null; collection?: string };

/** What every query of one summary shares: the database, the viewer's access, the admin route. */
type TQuery = {
  payload: Payload;
  asViewer: { overrideAccess: false; user: TypedUser };
  admin: string;
};

/**
 * The latest creation time at which a lead still `new` is overdue at `now`: adding the working
 * days to it lands at or before `now`. Adding working days never moves backwards as the start
 * moves forwards, so the overdue leads are exactly those created at or before this instant
 * (found to the millisecond by bisection, so the list's filter and the dashboard agree).
 */
export function newLeadCutoff(now: Date, workingDays = NEW_LEAD_WORKING_DAYS): Date {
  const end = now.getTime();
  let lo = end - (workingDays + 7) * 24 * 60 * 60 * 1000; // overdue: a week of weekends spare
  let hi = end; // not overdue: a lead created now
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (addWorkingDays(new Date(mid), workingDays).getTime() <= end) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/**
 * Still being worked: neither rejected nor cancelled, nor done with the last step (police filing
 * recorded as done: `policeFiledAt`, which also clears that stage's deadline).
 */
const OPEN_ORDER: Where = {
  and: [{ status: { not_in: [...TERMINAL_STAGE_KEYS] } }, { policeFiledAt: { exists: false } }],
};

async function count(query: TQuery, collection: "leads" | "orders", where: Where) {
  return (await query.payload.count({ collection, where, ...query.asViewer })).totalDocs;
}

/** How many documents have each `status`, in the order given, each linked to its list. */
async function countByStatus<TKey extends string>(
  query: TQuery,
  collection: "leads" | "orders",
  keys: readonly TKey[],
  labels: Record<TKey, { zh: string }>,
): Promise<{ rows: TCount[]; total: number }> {
  const counts = await Promise.all(
    keys.map((key) => count(query, collection, { status: { equals: key } })),
  );
  return {
    rows: keys.map((key, i) => ({
      key,
      label: labels[key].zh,
      count: counts[i] ?? 0,
      href: listHref(query.admin, collection, { "where[status][equals]": key }),
    })),
    total: counts.reduce((total, n) => total + n, 0),
  };
}

/** One partner's leads, orders and open orders; `null` counts those that came without one. */
async function countForPartner(
  query: TQuery,
  partner: TPartnerCount["partner"],
): Promise<TPartnerCount> {
  const where: Where = partner
    ? { partner: { equals: partner.id } }
    : { partner: { exists: false } };
  const [leads, orders, openOrders] = await Promise.all([
    count(query, "leads", where),
    count(query, "orders", where),
    count(query, "orders", { and: [where, OPEN_ORDER] }),
  ]);
  const filter: Record<string, string> = partner
    ? { "where[partner][equals]": String(partner.id) }
    : { "where[partner][exists]": "false" };
  return {
    partner,
    leads,
    orders,
    openOrders,
    leadsHref: listHref(query.admin, "leads", filter),
    ordersHref: listHref(query.admin, "orders", filter),
  };
}

async function countByPartner(query: TQuery): Promise<TPartnerCount[]> {
  const partners = await query.payload.find({
    collection: "partners",
    pagination: false,
    depth: 0,
    sort: "order",
    select: { key: true, name: true },
    ...query.asViewer,
  });
  const rows = await Promise.all([
    ...partners.docs.map((doc) =>
      countForPartner(query, { id: doc.id, key: doc.key, name: doc.name }),
    ),
    countForPartner(query, null),
  ]);
  // Partners (and "no partner") with nothing yet are left out; the busiest come first.
  return rows
    .filter((row) => row.leads > 0 || row.orders > 0)
    .sort((a, b) => b.orders + b.leads - (a.orders + a.leads));
}

async function findOverdueOrders(
  query: TQuery,
  nowIso: string,
): Promise<Pick<TSalesSummary, "overdueOrders" | "overdueOrdersTotal" | "overdueOrdersHref">> {
  const overdue = await query.payload.find({
    collection: "orders",
    where: { and: [{ stageDeadline: { less_than: nowIso } }, OPEN_ORDER] },
    sort: "stageDeadline",
    limit: OVERDUE_LIST_LIMIT,
    depth: 0,
    select: { orderNo: true, contact: true, status: true, stageDeadline: true },
    ...query.asViewer,
  });
  return {
    overdueOrders: overdue.docs.map((order) => ({
      id: order.id,
      orderNo: order.orderNo,
      contactName: order.contact?.name ?? "",
      stage: order.status,
      stageLabel: STAGE_LABELS[order.status as TStageKey]?.zh ?? order.status,
      deadline: order.stageDeadline ?? "",
      href: documentHref(query.admin, "orders", order.id),
    })),
    overdueOrdersTotal: overdue.totalDocs,
    overdueOrdersHref: listHref(query.admin, "orders", {
      ...whereParams([
        ["stageDeadline", "less_than", nowIso],
        ["status", "not_in", [...TERMINAL_STAGE_KEYS]],
        ["policeFiledAt", "exists", "false"],
      ]),
      sort: "stageDeadline",
    }),
  };
}

async function findStaleLeads(
  query: TQuery,
  now: Date,
): Promise<Pick<TSalesSummary, "staleLeads" | "staleLeadsTotal" | "staleLeadsHref">> {
  const cutoffIso = newLeadCutoff(now).toISOString();
  const stale = await query.payload.find({
    collection: "leads",
    where: { and: [{ status: { equals: "new" } }, { createdAt: { less_than_equal: cutoffIso } }] },
    sort: "createdAt",
    limit: OVERDUE_LIST_LIMIT,
    depth: 0,
    select: { reference: true, name: true, createdAt: true },
    ...query.asViewer,
  });
  return {
    staleLeads: stale.docs.map((lead) => ({
      id: lead.id,
      reference: lead.reference,
      name: lead.name,
      createdAt: lead.createdAt,
      href: documentHref(query.admin, "leads", lead.id),
    })),
    staleLeadsTotal: stale.totalDocs,
    staleLeadsHref: listHref(query.admin, "leads", {
      ...whereParams([
        ["status", "equals", "new"],
        ["createdAt", "less_than_equal", cutoffIso],
      ]),
      sort: "createdAt",
    }),
  };
}

async function countSuspected(query: TQuery): Promise<TSuspectedCount> {
  const [leads, orders] = await Promise.all([
    count(query, "leads", SUSPECTED),
    count(query, "orders", SUSPECTED),
  ]);
  return {
    leads,
    orders,
    leadsHref: listHref(query.admin, "leads", SUSPECTED_LIST_PARAMS),
    ordersHref: listHref(query.admin, "orders", SUSPECTED_LIST_PARAMS),
  };
}

export async function salesSummary(
  payload: Payload,
  user: TViewer | null | undefined,
  now: Date = new Date(),
): Promise<TSalesSummary> {
  const role = roleOf(user);
  if (!user || (role !== "sales" && role !== "admin")) throw new Forbidden();
  const query: TQuery = {
    payload,
    asViewer: { overrideAccess: false, user: user as TypedUser },
    admin: payload.config.routes.admin,
  };
  const nowIso = now.toISOString();
  const leadStatuses = Object.keys(LEAD_STATUS_LABELS) as TLeadStatus[];
  const context = { userId: user.id, now, newLeadCutoff: newLeadCutoff(now) };
  const viewer = user as TypedUser;
  const [queueLeads, queueOrders, leads, orders, byPartner, overdue, stale, suspected] =
    await Promise.all([
      countQueue(payload, viewer, "leads", context),
      countQueue(payload, viewer, "orders", context),
      countByStatus(query, "leads", leadStatuses, LEAD_STATUS_LABELS),
      countByStatus(query, "orders", STAGE_KEYS, STAGE_LABELS),
      countByPartner(query),
      findOverdueOrders(query, nowIso),
      findStaleLeads(query, now),
      countSuspected(query),
    ]);
  return {
    now: nowIso,
    queue: { leads: queueLeads, orders: queueOrders },
    leadsByStatus: leads.rows,
    leadsTotal: leads.total,
    ordersByStage: orders.rows,
    ordersTotal: orders.total,
    byPartner,
    ...overdue,
    ...stale,
    suspected,
  };
}
