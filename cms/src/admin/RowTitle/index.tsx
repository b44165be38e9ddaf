"use client";
/**
 * The heading of an array row: its number and what it says ("3. 营业执照"), so an editor finds a
 * row without opening each one. Payload's default, "材料 03", says neither. `field` names the row's
 * text field that says what the row is (`rowTitle("item")` in fields/rowTitle.ts).
 */
import { useRowLabel } from "@payloadcms/ui";

const MAX_CHARS = 60;

export function RowTitle({ field }: { field: string }) {
  const { data, rowNumber } = useRowLabel<Record<string, unknown>>();
  const number = String((rowNumber ?? 0) + 1).padStart(2, "0");
  const raw = data?.[field];
  const text = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  const title = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
  return <span data-row-title>{title ? `${number}. ${title}` : number}</span>;
}
