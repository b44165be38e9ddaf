/**
 * Keys for Astro's incremental build (astro.config.ts, `experimental.incrementalBuild`): a page of
 * a dynamic route whose key and code are the same as in the last build (of the same CMS: release.ts
 * keeps a cache per CMS) is copied from Astro's cache instead of rendered again. With 5,000 cases
 * that is ~900 gallery pages and ~5,000 drawn images a FAQ edit does not touch.
 *
 * A key must change whenever anything its page shows changes, or the page goes stale: it is the
 * digest of everything the page reads — its own data, and what the frame around it reads
 * (Base.astro: the site settings, the CMS's address for the share image, preview or not). Code
 * changes are Astro's part (the hash of the page's modules).
 */
import { createHash } from "node:crypto";
import { siteEnv } from "../env.ts";
import type { TCaseFilter } from "./casePages.ts";
import { landing, page, siteSettings } from "./content.ts";
import { isPreviewBuild } from "./previewDraft.ts";
import type { TMedia } from "./schemas.ts";
import { isSvg, svgText } from "./svgImages.ts";

export function digest(...parts: unknown[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(JSON.stringify(part) ?? "undefined").update("\0");
  return hash.digest("hex");
}

/** What Base.astro reads besides the page's own props. */
async function frame(): Promise<unknown> {
  const { CMS_URL, SITE_URL } = siteEnv();
  return { settings: await siteSettings(), CMS_URL, SITE_URL, preview: isPreviewBuild() };
}

/** An uploaded SVG's markup decides the drawn image's file name, so it is part of the page. */
async function svgOf(media: TMedia | null | undefined): Promise<string | null> {
  return media && isSvg(media) ? svgText(media) : null;
}

/** What a gallery page shows of a case: its data and the SVGs its card's images are drawn from. */
export type TKeyedCase = { logo?: TMedia | null; qrImage?: TMedia | null };

const caseDigests = new WeakMap<object, Promise<string>>();

function caseDigest(item: TKeyedCase): Promise<string> {
  let known = caseDigests.get(item);
  if (!known) {
    known = (async () => digest(item, await svgOf(item.logo), await svgOf(item.qrImage)))();
    caseDigests.set(item, known);
  }
  return known;
}

let galleryFrame: Promise<string> | undefined;

/**
 * Every gallery page's frame: Base.astro's, the 案例 page's texts and the landing (the page shows
 * its case labels; the whole global, so a label read later cannot be missed).
 */
function galleryFrameDigest(): Promise<string> {
  galleryFrame ??= (async () => digest(await frame(), await page("cases"), await landing()))();
  return galleryFrame;
}

/** The key of one gallery page (pages/cases/[...path].astro): its props and its frame. */
export async function casePageKey(view: {
  filter: TCaseFilter;
  page: number;
  pages: number;
  cases: readonly TKeyedCase[];
  choices: unknown;
}): Promise<string> {
  const cases = await Promise.all(view.cases.map(caseDigest));
  return digest(
    await galleryFrameDigest(),
    view.filter,
    view.page,
    view.pages,
    view.choices,
    cases,
  );
}
