/**
 * CSV exports of leads and orders for sales and admins (`GET /api/leads/export.csv`,
 * `GET /api/orders/export.csv`). UTF-8 with a BOM so Excel opens Chinese correctly; cells that
 * start like a formula are quoted with a leading apostrophe (no CSV injection into spreadsheets).
 * Suspected spam is never exported, whatever the filter: it is nobody's customer data to take away
 * until sales restores it.
 */
import type { CollectionSlug, Endpoint, Where } from "payload";
import { hasRole } from "../access/index.ts";
import { answer } from "../endpoints/answer.ts";
import { Refusal } from "../endpoints/refusal.ts";
import { GENUINE } from "../quarantine/hideFromStaff.ts";

export type TColumn = { header: string; value: (doc: object) => unknown };

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: TColumn[], docs: readonly object[]): string {
  const lines = [columns.map((column) => csvCell(column.header)).join(",")];
  for (const doc of docs) lines.push(columns.map((column) => csvCell(column.value(doc))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** `partner.key` of a document read with depth 1; nothing where a step is missing. */
const get = (doc: object, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (value, key) =>
        typeof value === "object" && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined,
      doc,
    );

export const col = (header: string, path: string): TColumn => ({
  header,
  value: (doc) => get(doc, path),
});

export function csvExport(collection: CollectionSlug, columns: TColumn[]): Endpoint {
  return {
    path: "/export.csv",
    method: "get",
    handler: answer({ name: `${collection} export` }, async (req) => {
      if (!req.user) throw new Refusal("unauthorized");
      if (!hasRole(req, "admin", "sales")) throw new Refusal("forbidden");
      // The list's own filters (`?where[status][equals]=new`) narrow the export.
      const where: Where = { and: [(req.query?.where ?? {}) as Where, GENUINE] };
      const { docs } = await req.payload.find({
        collection,
        where,
        depth: 1,
        pagination: false,
        sort: "-createdAt",
        overrideAccess: false,
        user: req.user,
        req,
      });
      const date = new Date().toISOString().slice(0, 10);
      return new Response(toCsv(columns, docs), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${collection}-${date}.csv"`,
          "Cache-Control": "no-store",
        },
      });
    }),
  };
}
