"use client";
/**
 * 导出 above the leads and orders lists: downloads what the list shows — its filters (`where`) and
 * its search, read live from the address bar, which the admin keeps in step with the list — from
 * GET /api/{leads|orders}/export.csv (`exports/csv.ts`), as `线索-2026-11-30.csv`. Page, sort and
 * columns are left out: the export is every matching row, newest first, with the export's columns.
 */
import { useConfig } from "@payloadcms/ui";
import { useSearchParams } from "next/navigation";

const bar = { display: "flex", justifyContent: "flex-end", margin: "0 0 0.75rem" } as const;

/** The list's query parameters the export honours. */
export function exportQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [key, value] of params) {
    if (key === "search" || key.startsWith("where[")) kept.append(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

export function ExportButton({ collectionSlug }: { collectionSlug?: string }) {
  const {
    config: {
      routes: { api },
    },
  } = useConfig();
  const params = useSearchParams();
  if (!collectionSlug) return null;
  return (
    <div style={bar}>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`${api}/${collectionSlug}/export.csv${exportQuery(new URLSearchParams(params))}`}
        download
        data-export-csv
        title="按当前筛选条件导出 CSV(可用 Excel 打开)"
      >
        导出
      </a>
    </div>
  );
}
