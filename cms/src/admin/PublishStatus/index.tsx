"use client";
/**
 * Beside 发布 on every page of the site (landing, site settings, guide articles, FAQs, cases,
 * filing types, pages): what the live site shows of this document's last publish — 网站更新中…
 * while its build is scheduled or running (asked again every second), then 已上线 (用时 N 秒)
 * with a link to the page on the live site, or 更新失败 with why. Read from
 * `GET /api/site/publish-status` (src/publishing/documentStatus.ts) after every save.
 */
import { useConfig, useDocumentInfo, useTranslation } from "@payloadcms/ui";
import { useEffect, useState } from "react";
import type { TDocumentPublishStatus } from "../../publishing/documentStatus.ts";

const POLL_MS = 1_000;

const WORDS = {
  zh: {
    updating: "网站更新中…",
    live: "已上线",
    took: (seconds: number) => `(用时 ${seconds} 秒)`,
    open: "查看线上页面",
    failed: "更新失败:网站没能用这次发布重新生成,线上仍是上一版。请检查内容后再次发布。",
    log: "构建日志",
  },
  en: {
    updating: "Updating the site…",
    live: "Live",
    took: (seconds: number) => `(took ${seconds} s)`,
    open: "Open the live page",
    failed:
      "Update failed: the site could not be rebuilt with this publish; the previous version stays live. Check the content and publish again.",
    log: "Build log",
  },
} as const;

const box = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  gap: "0.5rem",
  marginRight: "0.75rem",
  fontSize: "0.95em",
} as const;

type TAnswer = TDocumentPublishStatus | null;

/** `landing`, `faqs:12`: the document as the endpoint names it. */
function useDocumentParam(): string | undefined {
  const { id, collectionSlug, globalSlug } = useDocumentInfo();
  if (globalSlug) return globalSlug;
  return collectionSlug && id !== undefined && id !== null ? `${collectionSlug}:${id}` : undefined;
}

function usePublishStatus(api: string, doc: string | undefined, savedAt: unknown): TAnswer {
  const [status, setStatus] = useState<TAnswer>(null);
  useEffect(() => {
    // Each save (a new savedAt) starts a new round of asking.
    if (!doc || savedAt === "never") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const response = await fetch(`${api}/site/publish-status?doc=${encodeURIComponent(doc)}`, {
        credentials: "include",
      }).catch(() => undefined);
      const answer = response?.ok ? ((await response.json()) as TDocumentPublishStatus) : null;
      if (stopped) return;
      setStatus(answer);
      if (answer?.state === "updating") timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, doc, savedAt]);
  return status;
}

export function PublishStatus() {
  const { config } = useConfig();
  const { i18n } = useTranslation();
  const { savedDocumentData } = useDocumentInfo();
  const doc = useDocumentParam();
  const status = usePublishStatus(
    `${config.serverURL}${config.routes.api}`,
    doc,
    savedDocumentData?.updatedAt,
  );
  const words = i18n.language === "en" ? WORDS.en : WORDS.zh;
  if (!status || status.state === "unpublished") return null;
  if (status.state === "updating") {
    return (
      <output style={box} data-publish-status="updating" aria-live="polite">
        {words.updating}
      </output>
    );
  }
  if (status.state === "live") {
    return (
      <output style={box} data-publish-status="live" aria-live="polite">
        <span>
          {words.live}
          {status.seconds !== null ? ` ${words.took(status.seconds)}` : ""}
        </span>
        <a href={status.url} target="_blank" rel="noopener">
          {words.open}
        </a>
      </output>
    );
  }
  return (
    <output style={{ ...box, color: "var(--theme-error-500)" }} data-publish-status="failed">
      <span>{words.failed}</span>
      <details>
        <summary>{words.log}</summary>
        <pre style={{ whiteSpace: "pre-wrap", fontSize: "12px", maxWidth: "40rem" }}>
          {status.error}
        </pre>
      </details>
    </output>
  );
}
