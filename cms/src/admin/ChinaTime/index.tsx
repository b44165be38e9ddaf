"use client";
/**
 * A date the server sets (a note's time, when an email was sent, when the site went live), shown on
 * the document as text in China time, `2026-11-30 12:44`. Payload's date picker shows the browser's
 * time zone in its own format ("11月 30, 2026 12:36 下午"), and a time nobody may edit needs no
 * picker. Date-only fields (`pickerAppearance: "dayOnly"`/"default") read `2026-11-30`.
 */
import { FieldDescription, FieldLabel, useField } from "@payloadcms/ui";
import type { DateFieldClientComponent } from "payload";
import { formatChinaDate, formatChinaTime } from "../../lib/chinaTime.ts";

export const ChinaTimeField: DateFieldClientComponent = ({ field, path }) => {
  const { value } = useField<string | null>({ potentiallyStalePath: path });
  const date = field.admin?.date as { pickerAppearance?: string } | undefined;
  const appearance = date?.pickerAppearance ?? "dayAndTime";
  const text = !value
    ? "—"
    : appearance === "dayAndTime"
      ? formatChinaTime(value)
      : formatChinaDate(value);
  return (
    <div className="field-type china-time" data-china-time={path} style={{ marginBottom: "1rem" }}>
      <FieldLabel label={field.label} path={path} as="span" />
      <output
        style={{ display: "block", padding: "0.25rem 0", fontVariantNumeric: "tabular-nums" }}
      >
        {value ? <time dateTime={value}>{text}</time> : text}
      </output>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  );
};
