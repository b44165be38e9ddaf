"use client";
/**
 * In the partner's admin page: the three ready-to-copy ways to embed the widget (one script tag,
 * an iframe, a plain-HTML form for hosts that allow no scripts) for this partner's key, a live
 * preview of the widget for it, and the reference of the embed's attributes, events and codes.
 */
import { embedSnippets } from "@beian/widget/snippets";
import { useFormFields, useTranslation } from "@payloadcms/ui";
import { useState } from "react";
import { EmbedPreview } from "./EmbedPreview.tsx";
import { EmbedReference } from "./EmbedReference.tsx";
import { embedTexts } from "./texts.ts";

type Props = { siteUrl: string; cmsUrl: string };

const KINDS = ["script", "iframe", "html"] as const;

export function PartnerEmbedSnippets({ siteUrl, cmsUrl }: Props) {
  const key = useFormFields(([fields]) => fields.key?.value);
  const [copied, setCopied] = useState<string | null>(null);
  const { i18n } = useTranslation();
  const texts = embedTexts(i18n.language, cmsUrl);
  if (typeof key !== "string" || key === "") {
    return <p style={{ color: "var(--theme-elevation-500)" }}>{texts.noKey}</p>;
  }
  const snippets = embedSnippets({ siteUrl, cmsUrl, partner: key });
  return (
    <div style={{ display: "grid", gap: "1.5rem", marginBottom: "1.5rem" }}>
      <section style={{ display: "grid", gap: "1rem" }}>
        <h3 style={{ margin: 0 }}>{texts.snippetsHeading}</h3>
        {KINDS.map((kind) => (
          <div key={kind}>
            <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
              <strong>{texts.snippets[kind]}</strong>
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => {
                  void navigator.clipboard.writeText(snippets[kind]).then(() => setCopied(kind));
                }}
              >
                {copied === kind ? texts.copied : texts.copy}
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
      </section>
      <EmbedPreview siteUrl={siteUrl} partner={key} texts={texts.preview} />
      <EmbedReference texts={texts.reference} />
    </div>
  );
}
