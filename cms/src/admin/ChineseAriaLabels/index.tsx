"use client";
/**
 * Screen-reader labels that Payload's rich-text editor and its toast region hard-code in English
 * ("Drag to move", "Add block", "Notifications alt+T"), said in the admin's language; list sort
 * buttons' labels given their column's name (Payload puts "[object Object]" there); and the
 * field-name tooltips ("showInStrip") Payload puts on checkboxes, removed. Neither library takes
 * them as options, so the admin renames them where they appear; everything else Payload shows
 * comes from its translations (config.ts, i18n/).
 */
import { useTranslation } from "@payloadcms/ui";
import { type ReactNode, useEffect } from "react";

/** English label → Chinese, for the attributes below. */
const ZH_LABELS: Record<string, string> = {
  "Add block": "添加块",
  "Drag to move": "拖动以移动",
  "Insert Paragraph": "在末尾添加段落",
  "Edit link": "编辑链接",
  "Remove link": "移除链接",
  "Add Row": "添加行",
  "Add Column": "添加列",
  "Insert snapshot": "插入快照",
  "Download as a file": "下载为文件",
  "Copy to clipboard": "复制到剪贴板",
  "Close toast": "关闭通知",
};
const NOTIFICATIONS = /^Notifications\b/;
const ATTRIBUTES = ["aria-label", "title"];
/**
 * Where Payload 3.90's list sort buttons should name their column ("按 {{label}} 升序 排序"): it
 * interpolates the field's raw label, which is our bilingual { zh, en } object, so the button is
 * heard as "按 [object Object] 升序 排序" (or the bare placeholder, where there is no label).
 */
const UNREAD_COLUMN = /\[object Object\]|\{\{label\}\}/;

/** A sort button's label with its column's name as the column header shows it (admin's language). */
function withColumnName(element: Element, value: string): string | undefined {
  if (!UNREAD_COLUMN.test(value)) return undefined;
  const column = element.closest(".sort-column")?.querySelector(".sort-column__label");
  const shown = column?.textContent?.trim();
  return shown ? value.replace(UNREAD_COLUMN, shown) : undefined;
}

const zhLabel = (value: string): string | undefined =>
  ZH_LABELS[value] ?? (NOTIFICATIONS.test(value) ? "通知" : undefined);

function relabel(element: Element, chinese: boolean) {
  // Payload's checkbox has its field's name as a tooltip ("showInStrip"); its label says what it is.
  if (element.getAttribute("title") === element.getAttribute("name"))
    element.removeAttribute("title");
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value) continue;
    const relabelled = withColumnName(element, value) ?? (chinese ? zhLabel(value) : undefined);
    if (relabelled && relabelled !== value) element.setAttribute(name, relabelled);
  }
}

function relabelAll(root: ParentNode, chinese: boolean) {
  for (const element of Array.from(root.querySelectorAll("[aria-label], [title]"))) {
    relabel(element, chinese);
  }
}

export function ChineseAriaLabels({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    const chinese = i18n.language === "zh";
    relabelAll(document, chinese);
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === "attributes") relabel(mutation.target as Element, chinese);
        for (const node of Array.from(mutation.addedNodes)) {
          if (node instanceof Element) {
            relabel(node, chinese);
            relabelAll(node, chinese);
          }
        }
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ATTRIBUTES,
    });
    return () => observer.disconnect();
  }, [i18n.language]);
  return <>{children}</>;
}
