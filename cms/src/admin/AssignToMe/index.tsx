"use client";
/**
 * Under a lead's or an order's 负责人 (the assignee field's afterInput): 分配给我 saves the
 * logged-in salesperson as the assignee with one click (PATCH through the REST API, so the access
 * rules and the assignee's validation apply) and shows 已分配给我 once they are. Only for sales and
 * admins, and only on a saved document.
 */
import { toast, useAuth, useConfig, useDocumentInfo, useField } from "@payloadcms/ui";
import { useState } from "react";
import { relationId } from "../../lib/relationId.ts";

const row = { display: "flex", alignItems: "center", gap: "0.5rem", marginTop: "0.4rem" } as const;
const button = {
  padding: "0.3rem 0.75rem",
  border: "1px solid var(--theme-elevation-250)",
  borderRadius: "var(--style-radius-s)",
  background: "var(--theme-elevation-50)",
  color: "var(--theme-text)",
  font: "inherit",
  cursor: "pointer",
} as const;

type TUser = { id: number | string; role?: string | null };

/** Saves the assignee alone, so nothing else on the page is saved with it. */
async function saveAssignee(url: string, userId: TUser["id"]): Promise<string | null> {
  const response = await fetch(url, {
    method: "PATCH",
    credentials: "include",
    headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" },
    body: JSON.stringify({ assignee: userId }),
  }).catch(() => null);
  if (response?.ok) return null;
  const body = (await response?.json().catch(() => null)) as {
    errors?: { message?: string; data?: { errors?: { message?: string }[] } }[];
  } | null;
  const error = body?.errors?.[0];
  return error?.data?.errors?.[0]?.message ?? error?.message ?? "分配失败,请刷新后重试";
}

export function AssignToMe({ path = "assignee" }: { path?: string }) {
  const { user } = useAuth<TUser>();
  const { id, collectionSlug } = useDocumentInfo();
  const { config } = useConfig();
  const { value, setValue } = useField<unknown>({ path });
  const [saving, setSaving] = useState(false);

  if (!user || !id || !collectionSlug) return null;
  if (user.role !== "sales" && user.role !== "admin") return null;
  if (String(relationId(value)) === String(user.id)) {
    return (
      <p style={row} data-assign-to-me="mine">
        ✓ 已分配给我
      </p>
    );
  }

  const assign = async () => {
    setSaving(true);
    const url = `${config.routes.api}/${collectionSlug}/${id}`;
    const error = await saveAssignee(url, user.id);
    setSaving(false);
    if (error) {
      toast.error(error);
      return;
    }
    // Saved already: the form shows it without counting it as an unsaved change.
    setValue(user.id, true);
    toast.success("已分配给我");
  };

  return (
    <div style={row}>
      <button
        type="button"
        style={button}
        disabled={saving}
        onClick={assign}
        data-assign-to-me="button"
      >
        {saving ? "正在分配…" : "分配给我"}
      </button>
    </div>
  );
}
