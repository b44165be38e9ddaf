"use client";
/**
 * Above the leads and orders lists, once rows are selected: 批量分配 to a salesperson (or 我) in
 * one step. The update goes through the REST API's bulk PATCH with the list's own selection query
 * (`getQueryParams`: the ticked rows, or every row the filters match when "select all" is on), so
 * access rules and the assignee's validation apply; the list then reloads and a toast says how
 * many were assigned to whom.
 */
import { toast, useAuth, useConfig, useSelection } from "@payloadcms/ui";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type TId = number | string;
type TStaff = { id: TId; name?: string | null; email: string; role?: string | null };

const NOUN: Record<string, string> = { leads: "线索", orders: "订单" };

const bar = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  gap: "0.5rem",
  margin: "0 0 1rem",
  padding: "0.5rem 0.75rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
  background: "var(--theme-elevation-50)",
} as const;
const control = {
  padding: "0.3rem 0.5rem",
  border: "1px solid var(--theme-elevation-250)",
  borderRadius: "var(--style-radius-s)",
  background: "var(--theme-input-bg)",
  color: "var(--theme-text)",
  font: "inherit",
} as const;

/** The colleagues a lead or order can go to: sales and admins (what sales may read of users). */
function useAssignableStaff(api: string): TStaff[] {
  const [staff, setStaff] = useState<TStaff[]>([]);
  useEffect(() => {
    let cancelled = false;
    const query =
      "where[role][in][0]=sales&where[role][in][1]=admin&limit=200&depth=0&sort=name" +
      "&select[name]=true&select[email]=true&select[role]=true";
    void fetch(`${api}/users?${query}`, { credentials: "include" })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: TStaff[] }) => {
        if (!cancelled) setStaff(body.docs);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api]);
  return staff;
}

const nameOf = (person: TStaff) => person.name || person.email;

type TBulkAnswer = { docs?: unknown[]; errors?: { message?: string }[] };

/** PATCHes every selected document's assignee; answers how many were saved and the first error. */
async function assignSelected(
  url: string,
  assignee: TId,
): Promise<{ saved: number; error?: string }> {
  const response = await fetch(url, {
    method: "PATCH",
    credentials: "include",
    headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" },
    body: JSON.stringify({ assignee }),
  }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as TBulkAnswer | null;
  const saved = body?.docs?.length ?? 0;
  if (response?.ok && !body?.errors?.length) return { saved };
  return { saved, error: body?.errors?.[0]?.message ?? "分配失败,请刷新后重试" };
}

export function BulkAssign({ collectionSlug }: { collectionSlug: string }) {
  const { user } = useAuth<TStaff>();
  const { config } = useConfig();
  const api = config.routes.api;
  const { count, getQueryParams, toggleAll } = useSelection();
  const staff = useAssignableStaff(api);
  const [choice, setChoice] = useState("");
  const [saving, setSaving] = useState(false);
  const router = useRouter();

  if (!user || (user.role !== "sales" && user.role !== "admin") || count === 0) return null;
  const noun = NOUN[collectionSlug] ?? "";
  const others = staff.filter((person) => String(person.id) !== String(user.id));

  const assign = async () => {
    const assignee = choice === "" ? user.id : choice;
    const person = others.find((item) => String(item.id) === String(assignee));
    setSaving(true);
    const { saved, error } = await assignSelected(
      `${api}/${collectionSlug}${getQueryParams()}`,
      assignee,
    );
    setSaving(false);
    if (error) toast.error(saved > 0 ? `已分配 ${saved} 条${noun},其余失败:${error}` : error);
    else toast.success(`已将 ${saved} 条${noun}分配给${person ? ` ${nameOf(person)}` : "我"}`);
    toggleAll(); // clears the selection
    router.refresh();
  };

  return (
    <div style={bar} data-bulk-assign="">
      <span>
        已选 {count} 条{noun}
      </span>
      <label>
        批量分配给{" "}
        <select
          style={control}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          aria-label="分配给"
        >
          <option value="">我</option>
          {others.map((person) => (
            <option key={person.id} value={String(person.id)}>
              {nameOf(person)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" style={control} disabled={saving} onClick={assign}>
        {saving ? "正在分配…" : "批量分配"}
      </button>
    </div>
  );
}
