/**
 * A preview build's one draft (SITE_PREVIEW_DRAFT, written by the CMS's `cms/src/preview/`): the
 * site is built from what the CMS publishes with this one document's draft in its place, so a
 * marketer sees their change among the live content — not colleagues' unpublished drafts.
 * The CMS reads the draft with the marketer's own access and hands it over as a file: the build
 * needs no credentials, and a live build (no SITE_PREVIEW_DRAFT) never sees a draft.
 */
import { readFileSync } from "node:fs";
import { siteEnv } from "../env.ts";

export type TPreviewDraft = {
  /** `faqs`, `filing-types`… for a collection's document; `globals/landing` for a global. */
  source: string;
  doc: Record<string, unknown>;
};

let cached: TPreviewDraft | null | undefined;

export function previewDraft(): TPreviewDraft | null {
  if (cached !== undefined) return cached;
  const file = siteEnv().SITE_PREVIEW_DRAFT;
  if (!file) {
    cached = null;
    return cached;
  }
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<TPreviewDraft>;
  if (typeof parsed.source !== "string" || typeof parsed.doc !== "object" || !parsed.doc) {
    throw new Error(`${file} is not a preview draft ({ source, doc })`);
  }
  cached = { source: parsed.source, doc: parsed.doc };
  return cached;
}

/** A collection's published documents with the previewed draft in its place (or added, if new). */
export function withDraft(
  slug: string,
  docs: Record<string, unknown>[],
): Record<string, unknown>[] {
  const draft = previewDraft();
  if (draft?.source !== slug) return docs;
  const others = docs.filter((doc) => doc.id !== draft.doc.id);
  return [...others, draft.doc];
}

/** A global as published, or its draft when it is the one previewed. */
export function globalWithDraft(
  slug: string,
  doc: Record<string, unknown>,
): Record<string, unknown> {
  const draft = previewDraft();
  return draft?.source === `globals/${slug}` ? draft.doc : doc;
}

/** Whether this build is a preview (pages say so and ask not to be indexed). */
export const isPreviewBuild = (): boolean => Boolean(siteEnv().SITE_PREVIEW_DRAFT);
