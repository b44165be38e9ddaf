"use client";
/**
 * On an order's page: the materials checklist as it stood when the order came in, as a numbered
 * list staff read and tick off on paper. Read-only (it is evidence), and no code editor: Payload's
 * JSON editor loads Monaco from a CDN that mainland China often cannot reach.
 */
import { FieldLabel, useField } from "@payloadcms/ui";
import type { JSONFieldClientComponent } from "payload";

export const MaterialsChecklist: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ potentiallyStalePath: path });
  const items = Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
  return (
    <div className="field-type" data-materials-checklist style={{ marginBottom: "1.5rem" }}>
      <FieldLabel label={field.label} path={path} as="span" />
      {items.length > 0 ? (
        <ol style={{ margin: "0.5rem 0 0", paddingInlineStart: "1.5rem", lineHeight: 1.7 }}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      ) : (
        <p style={{ margin: "0.5rem 0 0", color: "var(--theme-elevation-500)" }}>—</p>
      )}
    </div>
  );
};
