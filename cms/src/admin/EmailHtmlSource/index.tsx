"use client";
/**
 * On an outbox email's page: the HTML part's source, folded away under the preview (which is what
 * staff read). Plain text, no code editor: Payload's code editor loads Monaco from a CDN that
 * mainland China often cannot reach.
 */
import { FieldLabel, useField } from "@payloadcms/ui";
import type { CodeFieldClientComponent } from "payload";

export const EmailHtmlSource: CodeFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string>({ potentiallyStalePath: path });
  if (typeof value !== "string" || !value) return null;
  return (
    <details className="field-type" data-email-html-source style={{ marginBottom: "1.5rem" }}>
      <summary style={{ cursor: "pointer" }}>
        <FieldLabel label={field.label} path={path} as="span" />
      </summary>
      <pre
        style={{
          whiteSpace: "pre-wrap",
          wordBreak: "break-all",
          maxHeight: "32rem",
          overflow: "auto",
          padding: "0.75rem",
          border: "1px solid var(--theme-elevation-150)",
          borderRadius: "var(--style-radius-m)",
          fontSize: "0.8125rem",
        }}
      >
        {value}
      </pre>
    </details>
  );
};
