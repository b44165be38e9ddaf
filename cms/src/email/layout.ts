/**
 * The one layout of every email: a title, blocks of paragraphs, labelled rows, lists and links,
 * rendered twice — as HTML (inline styles, every value escaped) and as the plain-text part.
 * Templates (templates.ts) describe content; only this file writes markup.
 */
import { escapeHtml } from "@beian/contract";
import { formatChinaTime } from "../lib/chinaTime.ts";

export type TEmailContent = { subject: string; html: string; text: string };

export type TBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "rows"; rows: [label: string, value: string | null | undefined][] }
  | { kind: "list"; heading: string; items: string[] }
  | { kind: "link"; label: string; href: string };

export type TFooter = { brand: string; hotline?: string | null; serviceHours?: string | null };

/** One line, bounded: subjects carry prospects' input, which must not add lines or run on. */
export function subjectLine(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, " ").trim();
  return line.length > 150 ? `${line.slice(0, 149)}…` : line;
}

const BLUE = "#1d4ed8";

function blockHtml(block: TBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px;line-height:1.7">${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`;
    case "rows": {
      const rows = block.rows
        .filter(([, value]) => value)
        .map(
          ([label, value]) =>
            `<tr><th align="left" valign="top" style="padding:6px 12px 6px 0;color:#555;font-weight:normal;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:6px 0;white-space:pre-wrap">${escapeHtml(String(value))}</td></tr>`,
        )
        .join("");
      return `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:0 0 16px;border-collapse:collapse">${rows}</table>`;
    }
    case "list":
      return `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(block.heading)}</h2><ol style="margin:0 0 16px;padding-left:20px;line-height:1.7">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ol>`;
    case "link":
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}" style="display:inline-block;background:${BLUE};color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
  }
}

function blockText(block: TBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "rows":
      return block.rows
        .filter(([, value]) => value)
        .map(([label, value]) => `${label}:${value}`)
        .join("\n");
    case "list":
      return `${block.heading}\n${block.items.map((item, index) => `${index + 1}. ${item}`).join("\n")}`;
    case "link":
      return `${block.label}:${block.href}`;
  }
}

export function renderEmail(
  subject: string,
  title: string,
  blocks: TBlock[],
  footer: TFooter,
): TEmailContent {
  const contact = [
    footer.hotline ? `咨询热线 ${footer.hotline}` : "",
    footer.serviceHours ? `(${footer.serviceHours})` : "",
  ].join("");
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body style="margin:0;background:#f5f6f8;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;font-size:15px;color:#1f2328"><div style="max-width:600px;margin:0 auto;padding:24px 16px"><div style="background:#fff;border-radius:8px;padding:24px"><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>${blocks.map(blockHtml).join("")}</div><p style="color:#666;font-size:13px;line-height:1.6;margin:16px 8px">${escapeHtml(footer.brand)}${contact ? ` · ${escapeHtml(contact)}` : ""}</p></div></body></html>`;
  const text = [
    title,
    "",
    blocks.map(blockText).join("\n\n"),
    "",
    "—",
    [footer.brand, contact].filter(Boolean).join(" · "),
  ].join("\n");
  return { subject: subjectLine(subject), html, text };
}

/** `2026-11-27 18:00(北京时间)`: deadlines are China's, wherever the reader is. */
export function formatEmailTime(iso: string | Date): string {
  return `${formatChinaTime(iso)}(北京时间)`;
}
