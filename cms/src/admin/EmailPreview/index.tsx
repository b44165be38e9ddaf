"use client";
/**
 * On an outbox email's page: the HTML part as the recipient sees it, in a sandboxed frame (no
 * scripts, no forms, no same-origin access — the markup is ours and escaped, the frame is a second
 * wall). The raw HTML and the text part stay below in their own fields.
 */
import { useFormFields, useTranslation } from "@payloadcms/ui";

export function EmailPreview() {
  const html = useFormFields(([fields]) => fields.html?.value);
  const { i18n } = useTranslation();
  if (typeof html !== "string" || !html) return null;
  return (
    <div style={{ marginBottom: "1.5rem" }}>
      <p style={{ margin: "0 0 0.5rem", fontWeight: 600 }}>
        {i18n.language === "en" ? "Preview" : "预览"}
      </p>
      <iframe
        title="邮件预览"
        sandbox=""
        srcDoc={html}
        style={{
          width: "100%",
          height: "32rem",
          border: "1px solid var(--theme-elevation-150)",
          borderRadius: "var(--style-radius-m)",
          background: "#fff",
        }}
      />
    </div>
  );
}
