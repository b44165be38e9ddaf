"use client";
/**
 * In the sidebar of a lead or an order set aside as suspected spam: why, what that means (no
 * emails sent, deleted after 30 days), and one button that restores it —
 * POST /api/{leads|orders}/:id/restore — after which the box says so and the page is refreshed.
 */
import { useConfig, useDocumentInfo, useFormFields } from "@payloadcms/ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SUSPECTED_SPAM_DAYS } from "../../quarantine/mark.ts";
import { SPAM_REASON_LABELS, type TSpamReason } from "../labels.ts";

const box = {
  display: "grid",
  gap: "0.6rem",
  padding: "0.75rem",
  marginBottom: "1.5rem",
  border: "1px solid var(--theme-warning-500)",
  borderRadius: "var(--style-radius-m)",
} as const;
const errorText = { color: "var(--theme-error-500)", margin: 0, fontSize: "0.9em" } as const;

/** The restore request; the error's message (in Chinese) when it fails. */
async function requestRestore(api: string, collection: string, id: number | string) {
  try {
    const response = await fetch(`${api}/${collection}/${id}/restore`, {
      method: "POST",
      credentials: "include",
      headers: { "Accept-Language": "zh-CN" },
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    return body.error?.message ?? `恢复失败(${response.status})`;
  } catch {
    return "网络错误,请稍后重试";
  }
}

export function RestoreSubmission() {
  const { id, collectionSlug } = useDocumentInfo();
  const {
    config: {
      routes: { api },
    },
  } = useConfig();
  const router = useRouter();
  const reason = useFormFields(([fields]) => fields.suspectedSpam?.value) as
    | TSpamReason
    | null
    | undefined;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);

  if (!id || !collectionSlug || !reason) return null;
  if (restored) {
    return (
      <div style={box} data-restore-submission="restored">
        <strong>已恢复为正常提交</strong>
        <span>已补发通知邮件(见“邮件”)。</span>
      </div>
    );
  }
  const restore = async () => {
    setBusy(true);
    setFailure(null);
    const failed = await requestRestore(api, collectionSlug, id);
    setBusy(false);
    if (failed) return setFailure(failed);
    setRestored(true);
    router.refresh();
  };
  return (
    <div style={box} data-restore-submission="suspected">
      <strong>可疑提交</strong>
      <span>{SPAM_REASON_LABELS[reason]?.zh ?? "疑似垃圾提交"}</span>
      <span>
        未发送任何通知邮件,不计入列表和统计,{SUSPECTED_SPAM_DAYS}{" "}
        天后自动删除。确认是真实客户后恢复:补发销售提醒,客户留了邮箱的也补发确认邮件。
      </span>
      {failure ? (
        <p role="alert" style={errorText}>
          {failure}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy}
        onClick={() => void restore()}
      >
        {busy ? "正在恢复…" : "恢复为正常提交"}
      </button>
    </div>
  );
}
