"use client";
/**
 * In the partner's admin page: the three ready-to-copy ways to embed the widget (one script tag,
 * an iframe, a plain-HTML form for hosts that allow no scripts), for this partner's key.
 */
import { embedSnippets } from "@beian/widget/snippets";
import { useFormFields, useTranslation } from "@payloadcms/ui";
import { useState } from "react";

type Props = { siteUrl: string; cmsUrl: string };

const LABELS = {
  script: "一行代码嵌入(推荐)",
  iframe: "iframe 嵌入",
  html: "纯 HTML 表单(不支持脚本的网站)",
} as const;

export function PartnerEmbedSnippets({ siteUrl, cmsUrl }: Props) {
  const key = useFormFields(([fields]) => fields.key?.value);
  const [copied, setCopied] = useState<string | null>(null);
  const { i18n } = useTranslation();
  if (typeof key !== "string" || key === "") {
    return <p style={{ color: "var(--theme-elevation-500)" }}>保存标识后显示嵌入代码。</p>;
  }
  const snippets = embedSnippets({ siteUrl, cmsUrl, partner: key });
  return (
    <div style={{ display: "grid", gap: "1rem", marginBottom: "1.5rem" }}>
      <h3 style={{ margin: 0 }}>{i18n.language === "en" ? "Embed code" : "嵌入代码"}</h3>
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((kind) => (
        <div key={kind}>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
            <strong>{LABELS[kind]}</strong>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              onClick={() => {
                void navigator.clipboard.writeText(snippets[kind]).then(() => setCopied(kind));
              }}
            >
              {copied === kind ? "已复制" : "复制"}
            </button>
          </div>
          <pre
            data-embed-snippet={kind}
            style={{
              whiteSpace: "pre-wrap",
              wordBreak: "break-all",
              fontSize: 12,
              padding: 12,
              background: "var(--theme-elevation-50)",
              borderRadius: 4,
            }}
          >
            {snippets[kind]}
          </pre>
        </div>
      ))}
    </div>
  );
}
