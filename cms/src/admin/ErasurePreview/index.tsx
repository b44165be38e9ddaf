"use client";
/**
 * On the erasure form, between the phone number / address and the confirmation: how much an
 * erasure would delete, asked of POST /api/erasures/preview before the admin confirms and saves.
 * Changing the identifier clears the counts and the confirmation, so what is confirmed is what
 * was seen.
 */
import { useConfig, useFormFields } from "@payloadcms/ui";
import { useEffect, useState } from "react";

type TCounts = { leads: number; orders: number; emails: number };
type TPreview =
  | { state: "idle" }
  | { state: "busy" }
  | { state: "counted"; counts: TCounts }
  | { state: "refused"; message: string };

const box = {
  display: "grid",
  gap: "0.6rem",
  justifyItems: "start",
  padding: "0.75rem",
  marginBottom: "1.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
} as const;
const errorText = { color: "var(--theme-error-500)", margin: 0 } as const;

type TPreviewAnswer = TCounts & { error?: { message?: string; fields?: Record<string, string> } };

async function requestPreview(api: string, identifier: string): Promise<TPreview> {
  try {
    const response = await fetch(`${api}/erasures/preview`, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" },
      body: JSON.stringify({ identifier }),
    });
    const body = (await response.json().catch(() => ({}))) as TPreviewAnswer;
    if (response.ok) {
      return {
        state: "counted",
        counts: { leads: body.leads, orders: body.orders, emails: body.emails },
      };
    }
    const message =
      body.error?.fields?.identifier ?? body.error?.message ?? `查询失败(${response.status})`;
    return { state: "refused", message };
  } catch {
    return { state: "refused", message: "网络错误,请稍后重试" };
  }
}

function Counted({ counts }: { counts: TCounts }) {
  if (counts.leads + counts.orders + counts.emails === 0) {
    return <p style={{ margin: 0 }}>没有找到与此手机号或邮箱有关的线索、订单或邮件。</p>;
  }
  return (
    <p style={{ margin: 0 }} data-erasure-counts>
      将删除:线索 <strong>{counts.leads}</strong> 条、订单 <strong>{counts.orders}</strong> 个、邮件{" "}
      <strong>{counts.emails}</strong> 封(含订单、线索的全部邮件)。删除后无法恢复。
    </p>
  );
}

export function ErasurePreview() {
  const {
    config: {
      routes: { api },
    },
  } = useConfig();
  const identifier = useFormFields(([fields]) => fields.identifier?.value);
  const dispatchFields = useFormFields(([, dispatch]) => dispatch);
  const [preview, setPreview] = useState<TPreview>({ state: "idle" });
  const typed = typeof identifier === "string" ? identifier.trim() : "";

  // Another identifier: the counts shown and the confirmation given were for the last one.
  useEffect(() => {
    setPreview({ state: "idle" });
    dispatchFields({ type: "UPDATE", path: "confirmed", value: false });
  }, [typed, dispatchFields]);

  const check = async () => {
    setPreview({ state: "busy" });
    setPreview(await requestPreview(api, typed));
  };

  return (
    <div style={box} data-erasure-preview>
      <strong>将要删除的数据</strong>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={{ margin: 0 }}
        disabled={!typed || preview.state === "busy"}
        onClick={() => void check()}
      >
        {preview.state === "busy" ? "正在查询…" : "查询将要删除的数据"}
      </button>
      {preview.state === "counted" ? <Counted counts={preview.counts} /> : null}
      {preview.state === "refused" ? (
        <p role="alert" style={errorText}>
          {preview.message}
        </p>
      ) : null}
      {preview.state === "idle" ? (
        <p style={{ margin: 0, color: "var(--theme-elevation-600)" }}>
          输入手机号或邮箱后先查询,核对数量再勾选确认并保存。
        </p>
      ) : null}
    </div>
  );
}
