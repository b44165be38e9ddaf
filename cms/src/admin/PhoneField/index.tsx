"use client";
/**
 * A phone number sales can act on, in the leads and orders lists (`PhoneCell`) and on a lead's or
 * an order's page (`PhoneAfterInput`, under the text field as usual): the number
 * is a `tel:` link (tap to call on a phone, the softphone on a desktop) with a 复制 button that
 * copies it and says 已复制.
 */
import { toast, useField } from "@payloadcms/ui";
import type { DefaultCellComponentProps } from "payload";
import type { MouseEvent } from "react";

const actions = { display: "inline-flex", alignItems: "center", gap: "0.4rem" } as const;
const copyButton = {
  padding: "0 0.4rem",
  border: "1px solid var(--theme-elevation-250)",
  borderRadius: "var(--style-radius-s)",
  background: "var(--theme-elevation-50)",
  color: "var(--theme-text)",
  font: "inherit",
  fontSize: "0.85em",
  lineHeight: 1.6,
  cursor: "pointer",
} as const;

/** `tel:` wants the digits (and a leading +) only: "139 1234 5678" dials as 13912345678. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** The clipboard API where the page may use it; the old copy command where it may not (http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

export function PhoneActions({ phone }: { phone: string }) {
  const copy = async (event: MouseEvent) => {
    // In a list row, copying is not opening the document.
    event.preventDefault();
    event.stopPropagation();
    if (await copyText(phone)) toast.success("已复制");
    else toast.error("复制失败,请手动选择号码");
  };
  return (
    <span style={actions} data-phone={phone}>
      <a href={telHref(phone)} title="拨打">
        {phone}
      </a>
      <button type="button" style={copyButton} onClick={copy} aria-label={`复制 ${phone}`}>
        复制
      </button>
    </span>
  );
}

export function PhoneCell({ cellData }: DefaultCellComponentProps) {
  return typeof cellData === "string" && cellData !== "" ? <PhoneActions phone={cellData} /> : null;
}

/** Under the phone field on a lead's or an order's page (the field's afterInput). */
export function PhoneAfterInput({ path }: { path: string }) {
  const { value } = useField<string>({ path });
  if (typeof value !== "string" || value === "") return null;
  return (
    <div style={{ marginTop: "0.4rem" }}>
      <PhoneActions phone={value} />
    </div>
  );
}
