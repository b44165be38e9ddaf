/**
 * The numbers behind the sales dashboard on the admin home: leads by status, orders by stage,
 * both per partner, and what is overdue (open orders past their stage deadline, leads still new
 * after a working day), oldest first. An order is open until rejected, cancelled or police-filed. Every query runs with the viewer's own access, and anyone
 * but sales or an admin is refused outright. Each count carries the admin list link that shows
 * exactly the documents counted, so the dashboard and the list filters never disagree.
 */
import { STAGE_KEYS, TERMINAL_STAGE_KEYS, type TStageKey } from "@beian/contract";
import { Forbidden, type Payload, type TypedUser, type Where } from "payload";
import { roleOf } from "../../access/roles.ts";
import { addWorkingDays } from "../../orders/deadlines.ts";
import { LEAD_STATUS_LABELS, STAGE_LABELS, type TLeadStatus } from "../labels.ts";

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

export type TSalesSummary = {
  now: string;
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
};

type TViewer = Pick<TypedUser, "id"> & { role?: string | null; collection?: string };

/**
 * Query-string parameters in the form the admin's list view reads (`where[status][equals]=new`):
 * brackets kept readable, values encoded.
 */
export function listHref(
  adminRoute: string,
  collection: string,
  params: Record<string, string>,
): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return `${adminRoute.replace(/\/$/, "")}/collections/${collection}${query ? `?${query}` : ""}`;
}

/** `{ or: [{ and: [...] }] }` as list-view parameters: the shape the admin's filter builder edits. */
function whereParams(conditions: [path: string, operator: string, value: string | string[]][]) {
  const params: Record<string, string> = {};
  conditions.forEach(([path, operator, value], index) => {
    const base = `where[or][0][and][${index}][${path}][${operator}]`;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        params[`${base}[${i}]`] = item;
      });
    } else params[base] = value;
  });
  return params;
}

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

export async function salesSummary(
  payload: Payload,
  user: TViewer | null | undefined,
  now: Date = new Date(),
): Promise<TSalesSummary> {
  const role = roleOf(user);
  if (!user || (role !== "sales" && role !== "admin")) throw new Forbidden();
  const asViewer = { overrideAccess: false, user: user as TypedUser } as const;
  const admin = payload.config.routes.admin;
  const count = async (collection: "leads" | "orders", where: Where) =>
    (await payload.count({ collection, where, ...asViewer })).totalDocs;

  // Still being worked: neither rejected nor cancelled, nor done with the last step (police
  // filing recorded as done: `policeFiledAt`, which also clears that stage's deadline).
  const open: Where = {
    and: [{ status: { not_in: [...TERMINAL_STAGE_KEYS] } }, { policeFiledAt: { exists: false } }],
  };
  const nowIso = now.toISOString();
  const overdueWhere: Where = { and: [{ stageDeadline: { less_than: nowIso } }, open] };
  const cutoffIso = newLeadCutoff(now).toISOString();
  const staleWhere: Where = {
    and: [{ status: { equals: "new" } }, { createdAt: { less_than_equal: cutoffIso } }],
  };

  const leadStatuses = Object.keys(LEAD_STATUS_LABELS) as TLeadStatus[];
  const [leadCounts, stageCounts, partners, overdue, stale] = await Promise.all([
    Promise.all(leadStatuses.map((status) => count("leads", { status: { equals: status } }))),
    Promise.all(STAGE_KEYS.map((stage) => count("orders", { status: { equals: stage } }))),
    payload.find({
      collection: "partners",
      pagination: false,
      depth: 0,
      sort: "order",
      select: { key: true, name: true },
      ...asViewer,
    }),
    payload.find({
      collection: "orders",
      where: overdueWhere,
      sort: "stageDeadline",
      limit: OVERDUE_LIST_LIMIT,
      depth: 0,
      select: { orderNo: true, contact: true, status: true, stageDeadline: true },
      ...asViewer,
    }),
    payload.find({
      collection: "leads",
      where: staleWhere,
      sort: "createdAt",
      limit: OVERDUE_LIST_LIMIT,
      depth: 0,
      select: { reference: true, name: true, createdAt: true },
      ...asViewer,
    }),
  ]);

  const perPartner = async (partner: TPartnerCount["partner"]): Promise<TPartnerCount> => {
    const where: Where = partner
      ? { partner: { equals: partner.id } }
      : { partner: { exists: false } };
    const [leads, orders, openOrders] = await Promise.all([
      count("leads", where),
      count("orders", where),
      count("orders", { and: [where, open] }),
    ]);
    const filter: Record<string, string> = partner
      ? { "where[partner][equals]": String(partner.id) }
      : { "where[partner][exists]": "false" };
    return {
      partner,
      leads,
      orders,
      openOrders,
      leadsHref: listHref(admin, "leads", filter),
      ordersHref: listHref(admin, "orders", filter),
    };
  };
  const byPartner = (
    await Promise.all([
      ...partners.docs.map((doc) => perPartner({ id: doc.id, key: doc.key, name: doc.name })),
      perPartner(null),
    ])
  )
    // Partners (and "no partner") with nothing yet are left out; the busiest come first.
    .filter((row) => row.leads > 0 || row.orders > 0)
    .sort((a, b) => b.orders + b.leads - (a.orders + a.leads));

  return {
    now: nowIso,
    leadsByStatus: leadStatuses.map((status, i) => ({
      key: status,
      label: LEAD_STATUS_LABELS[status].zh,
      count: leadCounts[i] ?? 0,
      href: listHref(admin, "leads", { "where[status][equals]": status }),
    })),
    leadsTotal: leadCounts.reduce((sum, n) => sum + n, 0),
    ordersByStage: STAGE_KEYS.map((stage, i) => ({
      key: stage,
      label: STAGE_LABELS[stage].zh,
      count: stageCounts[i] ?? 0,
      href: listHref(admin, "orders", { "where[status][equals]": stage }),
    })),
    ordersTotal: stageCounts.reduce((sum, n) => sum + n, 0),
    byPartner,
    overdueOrders: overdue.docs.map((order) => ({
      id: order.id,
      orderNo: order.orderNo,
      contactName: order.contact?.name ?? "",
      stage: order.status,
      stageLabel: STAGE_LABELS[order.status as TStageKey]?.zh ?? order.status,
      deadline: order.stageDeadline ?? "",
      href: `${admin.replace(/\/$/, "")}/collections/orders/${order.id}`,
    })),
    overdueOrdersTotal: overdue.totalDocs,
    overdueOrdersHref: listHref(admin, "orders", {
      ...whereParams([
        ["stageDeadline", "less_than", nowIso],
        ["status", "not_in", [...TERMINAL_STAGE_KEYS]],
        ["policeFiledAt", "exists", "false"],
      ]),
      sort: "stageDeadline",
    }),
    staleLeads: stale.docs.map((lead) => ({
      id: lead.id,
      reference: lead.reference,
      name: lead.name,
      createdAt: lead.createdAt,
      href: `${admin.replace(/\/$/, "")}/collections/leads/${lead.id}`,
    })),
    staleLeadsTotal: stale.totalDocs,
    staleLeadsHref: listHref(admin, "leads", {
      ...whereParams([
        ["status", "equals", "new"],
        ["createdAt", "less_than_equal", cutoffIso],
      ]),
      sort: "createdAt",
    }),
  };
}
