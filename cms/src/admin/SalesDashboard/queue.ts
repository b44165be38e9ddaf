/**
 * The work queue at the top of the sales dashboard: for leads and for orders, the four views a
 * salesperson opens the admin for — 未分配 (open and nobody's), 我的 (open and mine), 今日新增
 * (created since 00:00 China time today) and 已超期 (a new lead nobody contacted within a working
 * day; an open order past its stage deadline). Each view is one list of conditions, counted with
 * the viewer's access and turned into the list link, so the number and the list always agree.
 */
import { TERMINAL_STAGE_KEYS } from "@beian/contract";
import type { Payload, TypedUser } from "payload";
import { DAY_MS, nextChinaMidnight } from "../../lib/chinaTime.ts";
import { listHref, type TCondition, whereOf, whereParams } from "./links.ts";

export const QUEUE_VIEWS = ["unassigned", "mine", "today", "overdue"] as const;
export type TQueueView = (typeof QUEUE_VIEWS)[number];
export type TQueueCollection = "leads" | "orders";

export const QUEUE_VIEW_LABELS: Record<TQueueView, { zh: string; en: string }> = {
  unassigned: { zh: "未分配", en: "Unassigned" },
  mine: { zh: "我的", en: "Mine" },
  today: { zh: "今日新增", en: "New today" },
  overdue: { zh: "已超期", en: "Overdue" },
};

/** Leads nobody has finished with: neither converted into an order nor lost. */
const OPEN_LEAD: TCondition[] = [["status", "not_in", ["converted", "lost"]]];
/** Orders still being worked: not rejected or cancelled, police filing not yet recorded as done. */
const OPEN_ORDER: TCondition[] = [
  ["status", "not_in", [...TERMINAL_STAGE_KEYS]],
  ["policeFiledAt", "exists", false],
];
const OPEN: Record<TQueueCollection, TCondition[]> = { leads: OPEN_LEAD, orders: OPEN_ORDER };

/** 00:00 China time of the day `now` falls on. */
export function chinaDayStart(now: Date): Date {
  return new Date(nextChinaMidnight(now.getTime()) - DAY_MS);
}

/** What the queue needs to know: who is looking, when, and the new-lead cutoff (summary.ts). */
export type TQueueContext = { userId: number | string; now: Date; newLeadCutoff: Date };

/** The conditions selecting one view of one collection; the list sorts as the view is read. */
export function queueView(
  collection: TQueueCollection,
  view: TQueueView,
  context: TQueueContext,
): { conditions: TCondition[]; sort: string } {
  switch (view) {
    case "unassigned":
      return {
        conditions: [...OPEN[collection], ["assignee", "exists", false]],
        sort: "createdAt",
      };
    case "mine":
      return {
        conditions: [...OPEN[collection], ["assignee", "equals", String(context.userId)]],
        sort: collection === "orders" ? "stageDeadline" : "-createdAt",
      };
    case "today":
      return {
        conditions: [["createdAt", "greater_than_equal", chinaDayStart(context.now).toISOString()]],
        sort: "-createdAt",
      };
    case "overdue":
      return collection === "leads"
        ? {
            conditions: [
              ["status", "equals", "new"],
              ["createdAt", "less_than_equal", context.newLeadCutoff.toISOString()],
            ],
            sort: "createdAt",
          }
        : {
            conditions: [["stageDeadline", "less_than", context.now.toISOString()], ...OPEN_ORDER],
            sort: "stageDeadline",
          };
  }
}

export type TQueueItem = { view: TQueueView; label: string; count: number; href: string };

/** The four views of one collection, counted with the viewer's own access. */
export async function countQueue(
  payload: Payload,
  viewer: TypedUser,
  collection: TQueueCollection,
  context: TQueueContext,
): Promise<TQueueItem[]> {
  const admin = payload.config.routes.admin;
  return Promise.all(
    QUEUE_VIEWS.map(async (view) => {
      const { conditions, sort } = queueView(collection, view, context);
      const { totalDocs } = await payload.count({
        collection,
        where: whereOf(conditions),
        overrideAccess: false,
        user: viewer,
      });
      return {
        view,
        label: QUEUE_VIEW_LABELS[view].zh,
        count: totalDocs,
        href: listHref(admin, collection, { ...whereParams(conditions), sort }),
      };
    }),
  );
}
