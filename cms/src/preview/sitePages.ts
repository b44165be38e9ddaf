/**
 * Which documents are pages of the site (or parts of one), and at which path the site shows
 * them: where a preview opens and where 已上线 links to. Only content with drafts is previewed;
 * media, partners and province rules are published as they are saved.
 */
import type { Page } from "../payload-types.ts";

export const PREVIEWED_GLOBALS = ["landing", "site-settings"] as const;
export const PREVIEWED_COLLECTIONS = [
  "guide-articles",
  "faqs",
  "cases",
  "filing-types",
  "pages",
] as const;

type TPreviewedGlobal = (typeof PREVIEWED_GLOBALS)[number];
type TPreviewedCollection = (typeof PREVIEWED_COLLECTIONS)[number];

/** One document of the site: a global, or a collection's document by id. */
export type TSiteDocument =
  | { global: TPreviewedGlobal }
  | { collection: TPreviewedCollection; id: number | string };

const PAGE_PATHS: Record<Page["slug"], string> = {
  guide: "/guide/",
  faq: "/faq/",
  cases: "/cases/",
  privacy: "/privacy/",
  thanks: "/thanks/",
  track: "/track/",
  my: "/my/",
  "not-found": "/404.html",
};

/** The site path that shows the document (with its anchor where it has one). */
export function sitePathOf(target: TSiteDocument, doc: Record<string, unknown>): string {
  if ("global" in target) return "/";
  const text = (name: string) => (typeof doc[name] === "string" ? (doc[name] as string) : "");
  switch (target.collection) {
    case "guide-articles":
      return "/guide/";
    case "faqs":
      return text("anchor") ? `/faq/#${encodeURIComponent(text("anchor"))}` : "/faq/";
    case "cases":
      return "/cases/";
    case "filing-types":
      return text("slug") ? `/types/${encodeURIComponent(text("slug"))}/` : "/";
    case "pages":
      return PAGE_PATHS[text("slug") as Page["slug"]] ?? "/";
  }
}

/** `landing`, `site-settings`, `faqs:12`: how a document is named in a URL's `doc` parameter. */
export function documentParam(target: TSiteDocument): string {
  return "global" in target ? target.global : `${target.collection}:${target.id}`;
}

export function parseDocumentParam(value: string | null): TSiteDocument | undefined {
  if (!value) return undefined;
  if ((PREVIEWED_GLOBALS as readonly string[]).includes(value)) {
    return { global: value as TPreviewedGlobal };
  }
  // SQLite ids are numbers, MongoDB's 24 hex digits.
  const match = /^([a-z-]+):([0-9a-f]{1,24})$/.exec(value);
  if (
    !match?.[1] ||
    !match[2] ||
    !(PREVIEWED_COLLECTIONS as readonly string[]).includes(match[1])
  ) {
    return undefined;
  }
  const id = /^\d{1,12}$/.test(match[2]) ? Number(match[2]) : match[2];
  return { collection: match[1] as TPreviewedCollection, id };
}
