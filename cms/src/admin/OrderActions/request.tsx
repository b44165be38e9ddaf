/**
 * What the stage-action buttons share (orders and leads): the admin's language, posting an action
 * to its endpoint and reading the refusal (message and per-field messages), and the box style.
 */
import { useTranslation } from "@payloadcms/ui";
import { useState } from "react";

export type TLang = "zh" | "en";

export function useLang(): TLang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "zh";
}

export type TActionError = { message: string; fields: Record<string, string> };

/** POSTs the action; null when done, else what the server said (or a network failure). */
export async function postAction(
  url: string,
  body: unknown,
  lang: TLang,
): Promise<TActionError | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      credentials: "include",
      headers: {
        "Content-Type": "application/json",
        "Accept-Language": lang === "en" ? "en" : "zh-CN",
      },
      body: JSON.stringify(body),
    });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { message?: string; fields?: Record<string, string> };
    };
    return {
      message:
        answer.error?.message ??
        (lang === "en" ? `Failed (${response.status})` : `操作失败(${response.status})`),
      fields: answer.error?.fields ?? {},
    };
  } catch {
    return {
      message: lang === "en" ? "Network error, try again" : "网络错误,请稍后重试",
      fields: {},
    };
  }
}

/**
 * Runs an action: busy meanwhile, the refusal kept for the form; when it went through, the page
 * reloads so every field (stage, deadline, history) shows what the server stored.
 */
export function useAction(url: string, lang: TLang) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TActionError | null>(null);
  async function run(body: unknown) {
    setBusy(true);
    setError(null);
    const refused = await postAction(url, body, lang);
    if (refused) {
      setError(refused);
      setBusy(false);
      return;
    }
    window.location.reload();
  }
  return { busy, error, run, clear: () => setError(null) };
}

export const box = {
  display: "grid",
  gap: "0.5rem",
  padding: "0.75rem",
  marginBottom: "1.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
} as const;

export const buttonStyle = { margin: 0, whiteSpace: "normal", textAlign: "left" } as const;
