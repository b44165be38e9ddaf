/**
 * The sales dashboard above the admin home's collection cards: the work queue first (未分配, 我的,
 * 今日新增, 已超期 for leads and orders, one click each: queue.ts), then overdue work (open orders
 * past their stage deadline, new leads nobody has contacted within a working day), then leads by
 * status, orders by stage and both per partner, and — when there is any — how much suspected spam
 * waits under 可疑提交. Every number links to the admin list filtered to
 * exactly those documents. A server component: the data is read with the viewer's own access,
 * and editors (or anyone but sales and admins) get nothing rendered and nothing queried.
 */
import type { ServerProps } from "payload";
import type { ReactNode } from "react";
import { roleOf } from "../../access/roles.ts";
import { formatChinaTime } from "../../lib/chinaTime.ts";
import { SUSPECTED_SPAM_DAYS } from "../../quarantine/mark.ts";
import type { TQueueItem } from "./queue.ts";
import { NEW_LEAD_WORKING_DAYS, salesSummary, type TSalesSummary } from "./summary.ts";
import "./SalesDashboard.css";

/** "3 天" / "5 小时" / "20 分钟": how long ago an instant passed. */
function ago(iso: string, now: string): string {
  const minutes = Math.max(0, Math.floor((Date.parse(now) - Date.parse(iso)) / 60_000));
  if (minutes >= 48 * 60) return `${Math.floor(minutes / (24 * 60))} 天`;
  if (minutes >= 60) return `${Math.floor(minutes / 60)} 小时`;
  return `${minutes} 分钟`;
}

const card = (overdue: number) =>
  `sales-dashboard__card${overdue > 0 ? " sales-dashboard__card--alert" : ""}`;

/** How many are overdue: red when there is anything to do. */
function Badge({ count }: { count: number }) {
  return (
    <span className={`sales-dashboard__badge${count > 0 ? " sales-dashboard__badge--alert" : ""}`}>
      {count}
    </span>
  );
}

function Counts({
  title,
  total,
  items,
  name,
}: {
  title: string;
  total: number;
  items: TSalesSummary["leadsByStatus"];
  name: string;
}) {
  return (
    <section className="sales-dashboard__card" aria-label={title}>
      <h3>
        {title} <span className="sales-dashboard__muted">共 {total}</span>
      </h3>
      <ul className="sales-dashboard__counts">
        {items.map((item) => (
          <li key={item.key}>
            <a href={item.href} data-count={`${name}:${item.key}`}>
              <span>{item.label}</span>
              <strong className={item.count === 0 ? "sales-dashboard__zero" : undefined}>
                {item.count}
              </strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A card of overdue work: how many in a badge, the oldest listed, a link to all of them. */
function OverdueCard(props: {
  label: string;
  heading: ReactNode;
  total: number;
  empty: string;
  more: string;
  moreHref: string;
  children: ReactNode[];
}) {
  return (
    <section className={card(props.total)} aria-label={props.label}>
      <h3>
        {props.heading} <Badge count={props.total} />
      </h3>
      {props.children.length === 0 ? (
        <p className="sales-dashboard__muted">{props.empty}</p>
      ) : (
        <ol className="sales-dashboard__list">{props.children}</ol>
      )}
      <a className="sales-dashboard__more" href={props.moreHref}>
        {props.more}
      </a>
    </section>
  );
}

function OverdueOrders({ summary }: { summary: TSalesSummary }) {
  return (
    <OverdueCard
      label="逾期订单"
      heading="逾期订单"
      total={summary.overdueOrdersTotal}
      empty="没有超过阶段截止时间的进行中订单。"
      more="查看全部逾期订单 →"
      moreHref={summary.overdueOrdersHref}
    >
      {summary.overdueOrders.map((order) => (
        <li key={order.id}>
          <a href={order.href}>{order.orderNo}</a>
          <span>{order.contactName}</span>
          <span>{order.stageLabel}</span>
          <span className="sales-dashboard__late">
            截止 {formatChinaTime(order.deadline)} · 已逾期 {ago(order.deadline, summary.now)}
          </span>
        </li>
      ))}
    </OverdueCard>
  );
}

function StaleLeads({ summary }: { summary: TSalesSummary }) {
  return (
    <OverdueCard
      label="待跟进的新线索"
      heading={`超过 ${NEW_LEAD_WORKING_DAYS} 个工作日未跟进的新线索`}
      total={summary.staleLeadsTotal}
      empty="所有新线索都已及时跟进。"
      more="查看全部待跟进线索 →"
      moreHref={summary.staleLeadsHref}
    >
      {summary.staleLeads.map((lead) => (
        <li key={lead.id}>
          <a href={lead.href}>{lead.reference}</a>
          <span>{lead.name}</span>
          <span className="sales-dashboard__late">
            提交于 {formatChinaTime(lead.createdAt)} · 已等待 {ago(lead.createdAt, summary.now)}
          </span>
        </li>
      ))}
    </OverdueCard>
  );
}

function ByPartner({ rows }: { rows: TSalesSummary["byPartner"] }) {
  return (
    <section className="sales-dashboard__card" aria-label="按合作伙伴">
      <h3>按合作伙伴</h3>
      {rows.length === 0 ? (
        <p className="sales-dashboard__muted">还没有线索或订单。</p>
      ) : (
        <table className="sales-dashboard__table">
          <thead>
            <tr>
              <th scope="col">合作伙伴</th>
              <th scope="col">线索</th>
              <th scope="col">订单</th>
              <th scope="col">进行中订单</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.partner?.id ?? "none"}>
                <th scope="row">
                  {row.partner ? `${row.partner.name}(${row.partner.key})` : "无合作伙伴"}
                </th>
                <td>
                  <a href={row.leadsHref}>{row.leads}</a>
                </td>
                <td>
                  <a href={row.ordersHref}>{row.orders}</a>
                </td>
                <td>{row.openOrders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Suspected spam, counted nowhere else: a line with links to the 可疑提交 lists, when any waits. */
function Suspected({ suspected }: { suspected: TSalesSummary["suspected"] }) {
  if (suspected.leads + suspected.orders === 0) return null;
  return (
    <p className="sales-dashboard__muted" data-suspected="">
      可疑提交(疑似机器人或批量提交,未发送邮件,不计入以上统计,{SUSPECTED_SPAM_DAYS} 天后自动删除):
      <a href={suspected.leadsHref}>线索 {suspected.leads}</a> ·{" "}
      <a href={suspected.ordersHref}>订单 {suspected.orders}</a>
    </p>
  );
}

/** One collection's work queue: four one-click views, each with how many it holds. */
function QueueCard({ title, name, items }: { title: string; name: string; items: TQueueItem[] }) {
  return (
    <section className="sales-dashboard__card" aria-label={`${title}工作队列`}>
      <h3>{title}</h3>
      <ul className="sales-dashboard__counts sales-dashboard__queue">
        {items.map((item) => (
          <li key={item.view}>
            <a
              href={item.href}
              data-queue={`${name}:${item.view}`}
              className={
                item.view === "overdue" && item.count > 0 ? "sales-dashboard__late" : undefined
              }
            >
              <span>{item.label}</span>
              <strong className={item.count === 0 ? "sales-dashboard__zero" : undefined}>
                {item.count}
              </strong>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function SalesDashboard({ payload, user }: ServerProps) {
  const role = roleOf(user);
  if (role !== "sales" && role !== "admin") return null;
  const summary = await salesSummary(payload, user, new Date());

  return (
    <div className="sales-dashboard" data-sales-dashboard="">
      <h2 className="sales-dashboard__title">销售概览</h2>
      <div className="sales-dashboard__row" data-work-queue="">
        <QueueCard title="线索" name="leads" items={summary.queue.leads} />
        <QueueCard title="订单" name="orders" items={summary.queue.orders} />
      </div>
      <div className="sales-dashboard__row">
        <OverdueOrders summary={summary} />
        <StaleLeads summary={summary} />
      </div>
      <div className="sales-dashboard__row">
        <Counts
          title="线索(按状态)"
          total={summary.leadsTotal}
          items={summary.leadsByStatus}
          name="leads"
        />
        <Counts
          title="订单(按阶段)"
          total={summary.ordersTotal}
          items={summary.ordersByStage}
          name="orders"
        />
      </div>
      <ByPartner rows={summary.byPartner} />
      <Suspected suspected={summary.suspected} />
    </div>
  );
}
