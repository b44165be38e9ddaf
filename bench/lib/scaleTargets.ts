/**
 * What the scale bench reads, as a salesperson opens it: the admin home with the sales dashboard,
 * the leads and orders lists (first page as they open, filtered as the dashboard's links filter
 * them, sorted by another column), and the REST list calls for the same views. Filters are in the
 * form the admin's list reads and its filter builder writes (`where[or][0][and][i]…`).
 */
import { DEV_LOGINS } from "../../cms/src/devLogins.ts";
import type { TSession } from "./scaleMeasure.ts";

/** The seeded salesperson (local mode); the year assigns leads and orders to them too. */
export const SALES = DEV_LOGINS.sales;

export type TTarget = { label: string; target: (session: TSession) => string };

const and = (conditions: [string, string, string][]) =>
  conditions
    .map(
      ([field, operator, value], i) =>
        `where[or][0][and][${i}][${field}][${operator}]=${encodeURIComponent(value)}`,
    )
    .join("&");

type TView = { label: string; collection: "leads" | "orders"; query: (userId: string) => string };

const VIEWS: TView[] = [
  { label: "leads, first page", collection: "leads", query: () => "" },
  {
    label: "leads 未分配 + 新线索",
    collection: "leads",
    query: () =>
      `${and([
        ["status", "equals", "new"],
        ["assignee", "exists", "false"],
      ])}&sort=createdAt`,
  },
  {
    label: "leads 我的 + 已联系",
    collection: "leads",
    query: (me) =>
      and([
        ["status", "equals", "contacted"],
        ["assignee", "equals", me],
      ]),
  },
  { label: "leads sorted by 姓名", collection: "leads", query: () => "sort=name" },
  { label: "orders, first page", collection: "orders", query: () => "" },
  {
    label: "orders 我的 in 管局审核, by deadline",
    collection: "orders",
    query: (me) =>
      `${and([
        ["status", "equals", "bureau_review"],
        ["assignee", "equals", me],
      ])}&sort=stageDeadline`,
  },
  {
    label: "orders sorted by 本阶段截止",
    collection: "orders",
    query: () => "sort=-stageDeadline",
  },
];

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

export function targetsFor(): TTarget[] {
  const admin = VIEWS.map((view) => ({
    label: `admin: ${view.label}`,
    target: (session: TSession) =>
      withQuery(`/admin/collections/${view.collection}`, view.query(String(session.userId))),
  }));
  const rest = VIEWS.map((view) => ({
    label: `REST: ${view.label}`,
    target: (session: TSession) =>
      withQuery(
        `/api/${view.collection}`,
        ["limit=50", view.query(String(session.userId))].filter(Boolean).join("&"),
      ),
  }));
  return [{ label: "admin: home (sales dashboard)", target: () => "/admin" }, ...admin, ...rest];
}
