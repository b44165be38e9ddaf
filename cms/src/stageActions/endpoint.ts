/**
 * What the two stage-action endpoints (POST /api/orders/:id/move, POST /api/leads/:id/move) share:
 * who may act, finding the record as the caller may see it, a note's limits (also a document
 * review's), and a rule's refusal (a Payload ValidationError thrown by the collection's hook)
 * answered with the rule's own words, which Payload's generic mapping (`endpoints/refusal.ts`)
 * would replace by "invalid".
 */
import { type PayloadRequest, ValidationError } from "payload";
import { hasRole } from "../access/index.ts";
import { Refusal } from "../endpoints/refusal.ts";

export type TLang = "zh" | "en";

/** The admin's language for this request (Payload's: the `payload-lng` cookie, else the header). */
export const languageOf = (req: PayloadRequest): TLang =>
  req.i18n?.language === "en" ? "en" : "zh";

const ONLY_SALES = {
  "zh-CN": "只有销售和管理员可以变更阶段",
  en: "Only sales and admins move leads and orders",
} as const;

export function requireSales(req: PayloadRequest): void {
  if (!req.user) throw new Refusal("unauthorized");
  if (!hasRole(req, "admin", "sales")) throw new Refusal("forbidden", { says: ONLY_SALES });
}

/** The record with the caller's access (suspected spam stays hidden), or a 404. */
export async function findForCaller<T extends "orders" | "leads">(
  req: PayloadRequest,
  collection: T,
): Promise<Record<string, unknown> & { id: number }> {
  const id = String(req.routeParams?.id ?? "");
  const found = await req.payload
    .find({
      collection,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      req,
    })
    .catch(() => null); // an id SQLite cannot even compare (`abc`) is simply unknown
  const doc = found?.docs[0] as (Record<string, unknown> & { id: number }) | undefined;
  if (!doc) throw new Refusal("not_found");
  return doc;
}

/** The longest note a salesperson may add to a move or a document review. */
const MAX_NOTE = 500;
const NOTE_TOO_LONG = {
  zh: `说明最多 ${MAX_NOTE} 字`,
  en: `The note has at most ${MAX_NOTE} characters`,
} as const;

/**
 * An optional note (a move's, a rejection row's, a document review's): absent, or text of at
 * most MAX_NOTE characters, trimmed (blank is none); otherwise `errors[path]` says why.
 */
export function optionalNote(
  value: unknown,
  path: string,
  lang: TLang,
  errors: Record<string, string>,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length > MAX_NOTE) {
    errors[path] = NOTE_TOO_LONG[lang];
    return null;
  }
  return value.trim() || null;
}

/** A 400 whose message is the first field's (what the person fixes first). */
export function invalid(fields: Record<string, string>): Refusal {
  const first = Object.values(fields)[0] ?? "";
  return new Refusal("validation_failed", { fields, says: { "zh-CN": first, en: first } });
}

/** Runs the write; a rule's ValidationError becomes a 400 keeping the rule's message per field. */
export async function withRuleRefusals<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields: Record<string, string> = {};
    for (const { path, message } of error.data.errors) if (path) fields[path] ??= message;
    throw invalid(fields);
  }
}
