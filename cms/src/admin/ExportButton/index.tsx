"use client";
/**
 * 导出 above the leads and orders lists: downloads what the list shows — its filters (`where`) and
 * its search, read live from the address bar, which the admin keeps in step with the list — from
 * GET /api/{leads|orders}/export.csv (`exports/csv.ts`), as `线索-2026-11-30.csv`. Page, sort and
 * columns are left out: the export is every matching row, newest first, with the export's columns.
 * A plain link (`download`), not a fetch: the browser streams the file to disk as it comes, so a
 * 100,000-row export never sits in the page's memory.
 *
 * Not offered in the 可疑提交 view: suspected spam is never exported (`exports/csv.ts`), so the
 * button there would only ever download an empty file.
 */
import { useConfig, useTranslation } from "@payloadcms/ui";
import { useSearchParams } from "next/navigation";
import { SUSPECTED_SPAM } from "../../quarantine/mark.ts";

const bar = { display: "flex", justifyContent: "flex-end", margin: "0 0 0.75rem" } as const;

const WORDS = {
  zh: { label: "导出", title: "按当前筛选和搜索导出 CSV(可用 Excel 打开)" },
  en: { label: "Export", title: "Export what the list shows as CSV (opens in Excel)" },
} as const;

/** The list's query parameters the export honours: its filters and its search. */
export function exportQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === "search" || key.startsWith("where[")) kept.append(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

/** Whether the list is the 可疑提交 view (filtered on the suspected-spam mark). */
const viewingSuspected = (params: URLSearchParams) =>
  [...params.keys()].some((key) => key.startsWith("where[") && key.includes(`[${SUSPECTED_SPAM}]`));

export function ExportButton({ collectionSlug }: { collectionSlug?: string }) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig();
  const { i18n } = useTranslation();
  const params = new URLSearchParams(useSearchParams());
  if (!collectionSlug || viewingSuspected(params)) return null;
  const words = i18n.language === "en" ? WORDS.en : WORDS.zh;
  return (
    <div style={bar}>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`${api}/${collectionSlug}/export.csv${exportQuery(params)}`}
        download
        data-export-csv
        title={words.title}
      >
        {words.label}
      </a>
    </div>
  );
}
