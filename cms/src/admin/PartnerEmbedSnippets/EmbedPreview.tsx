"use client";
/**
 * The widget as this partner's visitors see it: the site's own iframe page (SITE_URL/embed/) in
 * the admin, so nothing loads from outside our origins. It shows what is saved: a change of colour
 * or name shows after saving (and the configuration's short cache), an inactive partner shows none.
 */
import { useState } from "react";

export type TPreviewTexts = {
  heading: string;
  note: string;
  reload: string;
  frameTitle: string;
};

export function EmbedPreview({
  siteUrl,
  partner,
  texts,
}: {
  siteUrl: string;
  partner: string;
  texts: TPreviewTexts;
}) {
  const [loads, setLoads] = useState(0);
  const src = new URL(`/embed/?partner=${encodeURIComponent(partner)}`, siteUrl).href;
  return (
    <section aria-labelledby="embed-preview-heading" style={{ display: "grid", gap: "0.5rem" }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <h3 id="embed-preview-heading" style={{ margin: 0 }}>
          {texts.heading}
        </h3>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => setLoads((n) => n + 1)}
        >
          {texts.reload}
        </button>
      </div>
      <p style={{ margin: 0, color: "var(--theme-elevation-600)" }}>{texts.note}</p>
      <iframe
        key={loads}
        data-embed-preview
        title={texts.frameTitle}
        src={src}
        style={{
          width: "100%",
          maxWidth: 420,
          height: 720,
          border: "1px solid var(--theme-elevation-150)",
          borderRadius: 8,
          background: "#fff",
        }}
      />
    </section>
  );
}
