"use client";
/**
 * Row labels of the history and rejection arrays, so a row reads as what happened instead of
 * "Stage History 01": 「初步审核 · 2026-11-30 12:44 · 王销售」, 「新线索 → 已联系 · … 」,
 * 「小程序名称:联系电话未接通」. Stages and statuses by their names, times in China time, the
 * person by name (or email).
 */
import type { TStageKey } from "@beian/contract";
import { useConfig, useRowLabel } from "@payloadcms/ui";
import { useEffect, useState } from "react";
import { formatChinaTime } from "../../lib/chinaTime.ts";
import { relationId } from "../../lib/relationId.ts";
import { LEAD_STATUS_LABELS, STAGE_LABELS, type TLeadStatus } from "../labels.ts";
import { type TLang, useLang } from "../OrderActions/request.tsx";

type TId = number | string;

/** One lookup per person per page, however many rows name them. */
const names = new Map<string, Promise<string | null>>();

function nameOf(api: string, id: TId): Promise<string | null> {
  const key = `${api}|${id}`;
  let found = names.get(key);
  if (!found) {
    found = fetch(`${api}/users/${id}?depth=0`, { credentials: "include" })
      .then((response) => (response.ok ? response.json() : null))
      .then(
        (user: { name?: string | null; email?: string } | null) =>
          user?.name || user?.email || null,
      )
      .catch(() => null);
    names.set(key, found);
  }
  return found;
}

function usePersonName(by: unknown): string | null {
  const { config } = useConfig();
  const id = relationId(by);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    let current = true;
    void nameOf(config.routes.api, id).then((found) => {
      if (current) setName(found);
    });
    return () => {
      current = false;
    };
  }, [config.routes.api, id]);
  return name;
}

const when = (at: unknown) => (typeof at === "string" && at ? formatChinaTime(at) : null);

const label = (labels: Record<string, { zh: string; en: string }>, key: unknown, lang: TLang) =>
  typeof key === "string" ? (labels[key]?.[lang] ?? key) : null;

function Line({ parts }: { parts: (string | null)[] }) {
  return <span>{parts.filter(Boolean).join(" · ")}</span>;
}

export function StageHistoryRowLabel() {
  const lang = useLang();
  const { data } = useRowLabel<{ stage?: TStageKey; enteredAt?: string; by?: unknown }>();
  const person = usePersonName(data?.by);
  return <Line parts={[label(STAGE_LABELS, data?.stage, lang), when(data?.enteredAt), person]} />;
}

export function StatusHistoryRowLabel() {
  const lang = useLang();
  const { data } = useRowLabel<{
    from?: TLeadStatus;
    to?: TLeadStatus;
    at?: string;
    by?: unknown;
  }>();
  const person = usePersonName(data?.by);
  const from = label(LEAD_STATUS_LABELS, data?.from, lang);
  const to = label(LEAD_STATUS_LABELS, data?.to, lang);
  return <Line parts={[from && to ? `${from} → ${to}` : to, when(data?.at), person]} />;
}

export function RejectionRowLabel() {
  const { data, rowNumber } = useRowLabel<{ field?: string; reason?: string }>();
  const text = [data?.field, data?.reason].filter(Boolean).join(":");
  return <span>{text || String((rowNumber ?? 0) + 1)}</span>;
}
