/**
 * Above the leads and orders lists, for sales and admins: how many submissions set aside as
 * suspected spam the list leaves out, linked to the 可疑提交 view; in that view, what it holds and
 * how to restore one. A server component, reading with the viewer's own access.
 */
import type { BeforeListTableServerProps, TypedUser } from "payload";
import { roleOf } from "../../access/roles.ts";
import { SUSPECTED, SUSPECTED_LIST_PARAMS } from "../../quarantine/hideFromStaff.ts";
import { SUSPECTED_SPAM, SUSPECTED_SPAM_DAYS } from "../../quarantine/mark.ts";
import { listHref } from "../SalesDashboard/links.ts";

const notice = {
  margin: "0 0 1rem",
  padding: "0.6rem 0.75rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
  background: "var(--theme-elevation-50)",
} as const;

const NOUN: Record<string, string> = { leads: "线索", orders: "订单" };

export async function SuspectedSpamNotice(props: BeforeListTableServerProps) {
  const { payload, user, searchParams, collectionConfig } = props;
  const role = roleOf(user);
  if (!user || (role !== "sales" && role !== "admin")) return null;
  const collection = collectionConfig.slug as "leads" | "orders";
  const noun = NOUN[collection] ?? "";
  const admin = payload.config.routes.admin;
  const viewing = Object.keys(searchParams ?? {}).some((key) =>
    key.includes(`[${SUSPECTED_SPAM}]`),
  );
  if (viewing) {
    return (
      <p style={notice} data-suspected-notice="viewing">
        正在查看可疑提交:疑似机器人或批量提交,未发送任何邮件,{SUSPECTED_SPAM_DAYS}{" "}
        天后自动删除。确认是真实客户的,打开后点“恢复为正常提交”,即补发通知邮件。{" "}
        <a href={listHref(admin, collection, {})}>返回全部{noun}</a>
      </p>
    );
  }
  const { totalDocs } = await payload.count({
    collection,
    where: SUSPECTED,
    overrideAccess: false,
    user: user as TypedUser,
  });
  if (totalDocs === 0) return null;
  return (
    <p style={notice} data-suspected-notice="hidden">
      另有 {totalDocs} 条可疑提交未列在这里(疑似机器人或批量提交,未发送邮件)。{" "}
      <a href={listHref(admin, collection, SUSPECTED_LIST_PARAMS)}>查看可疑提交</a>
    </p>
  );
}
