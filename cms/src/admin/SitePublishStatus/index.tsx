"use client";
/**
 * The 网站发布状态 page as a status, not a form: what the live site is doing now (等待构建 /
 * 构建中… / 已上线 / 构建失败) in words, the last build's times in China time and its duration
 * in seconds, what triggered it in the admin's words, and a failed build's log. Asks again every
 * two seconds while a build is scheduled or running.
 */
import { useConfig, useTranslation } from "@payloadcms/ui";
import { useEffect, useState } from "react";
import { formatChinaTime } from "../../lib/chinaTime.ts";
import type { SitePublish } from "../../payload-types.ts";
import { reasonText } from "./reasons.ts";

const POLL_MS = 2_000;

const WORDS = {
  zh: {
    state: {
      idle: "空闲:网站是最新的",
      scheduled: "等待构建:几秒后开始更新网站",
      building: "网站更新中…",
      succeeded: "已上线",
      failed: "构建失败:线上仍是上一版网站",
    },
    startedAt: "开始",
    finishedAt: "完成",
    duration: "用时",
    seconds: (n: number) => `${n} 秒`,
    lastSuccessAt: "上次成功上线",
    reason: "触发原因",
    release: "线上版本",
    error: "错误信息",
    never: "尚无记录",
  },
  en: {
    state: {
      idle: "Idle: the site is up to date",
      scheduled: "Scheduled: the site update starts in a few seconds",
      building: "Updating the site…",
      succeeded: "Live",
      failed: "Build failed: the previous site stays live",
    },
    startedAt: "Started",
    finishedAt: "Finished",
    duration: "Took",
    seconds: (n: number) => `${n} s`,
    lastSuccessAt: "Last live",
    reason: "Trigger",
    release: "Live release",
    error: "Error",
    never: "No record yet",
  },
} as const;

type TWords = (typeof WORDS)[keyof typeof WORDS];

function useSitePublish(api: string): SitePublish | null {
  const [status, setStatus] = useState<SitePublish | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const response = await fetch(`${api}/globals/site-publish?depth=0`, {
        credentials: "include",
      }).catch(() => undefined);
      const answer = response?.ok ? ((await response.json()) as SitePublish) : null;
      if (stopped) return;
      if (answer) setStatus(answer);
      const pending = answer?.state === "scheduled" || answer?.state === "building";
      timer = setTimeout(() => void ask(), pending ? POLL_MS : POLL_MS * 5);
    };
    void ask();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api]);
  return status;
}

const row = { display: "grid", gridTemplateColumns: "9rem 1fr", gap: "1rem", padding: "0.4rem 0" };

function Rows({ status, words, lang }: { status: SitePublish; words: TWords; lang: "zh" | "en" }) {
  const rows: [string, string | null | undefined][] = [
    [words.startedAt, status.startedAt ? formatChinaTime(status.startedAt) : null],
    [words.finishedAt, status.finishedAt ? formatChinaTime(status.finishedAt) : null],
    [
      words.duration,
      typeof status.durationMs === "number"
        ? words.seconds(Math.round(status.durationMs / 1000))
        : null,
    ],
    [words.lastSuccessAt, status.lastSuccessAt ? formatChinaTime(status.lastSuccessAt) : null],
    [words.reason, status.reason ? reasonText(status.reason, lang) : null],
    [words.release, status.release],
  ];
  return (
    <dl style={{ margin: 0 }}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} style={row}>
            <dt style={{ color: "var(--theme-elevation-600)" }}>{label}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function SitePublishStatus() {
  const { config } = useConfig();
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const words = WORDS[lang];
  const status = useSitePublish(`${config.serverURL}${config.routes.api}`);
  if (!status) return null;
  const state = status.state ?? "idle";
  const failed = state === "failed";
  return (
    <section data-site-publish-status={state} style={{ marginBottom: "2rem" }}>
      <p
        role="status"
        style={{
          fontSize: "1.4rem",
          fontWeight: 600,
          margin: "0 0 1rem",
          color: failed ? "var(--theme-error-500)" : undefined,
        }}
      >
        {words.state[state]}
      </p>
      {status.startedAt ? <Rows status={status} words={words} lang={lang} /> : <p>{words.never}</p>}
      {failed && status.error ? (
        <details open style={{ marginTop: "1rem" }}>
          <summary>{words.error}</summary>
          <pre style={{ whiteSpace: "pre-wrap", fontSize: "12px" }}>{status.error}</pre>
        </details>
      ) : null}
    </section>
  );
}
