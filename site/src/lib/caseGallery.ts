/**
 * The case gallery's pages from the published content: the filter choices the published cases
 * offer and every page of every filter (casePages.ts). Shared by the pages and the sitemap.
 */
import { INDUSTRIES } from "@beian/contract";
import { siteEnv } from "../env.ts";
import { CASES_PER_PAGE, casePages, type TCasePage } from "./casePages.ts";
import { ordered } from "./content.ts";

export type TGalleryCase = Awaited<ReturnType<typeof ordered<"cases">>>[number]["data"];
export type TFilterChoice = { value: string; label: string };
export type TCaseGallery = {
  views: TCasePage<TGalleryCase>[];
  industries: TFilterChoice[];
  types: TFilterChoice[];
};

let gallery: Promise<TCaseGallery> | undefined;

/** Computed once per build: the page route and the sitemap ask for the same pages. */
export function caseGallery(): Promise<TCaseGallery> {
  gallery ??= (async () => {
    const cases = (await ordered("cases")).map((entry) => entry.data);
    const filingTypes = await ordered("filingTypes");
    // The filter bar offers what the published cases have.
    const industries = INDUSTRIES.filter((industry) =>
      cases.some((item) => item.industry === industry.value),
    ).map((industry) => ({ value: industry.value, label: industry.zh }));
    const types = filingTypes
      .filter((type) => cases.some((item) => item.filingType.slug === type.data.slug))
      .map((type) => ({ value: type.data.slug, label: type.data.name }));
    const views = casePages(
      cases,
      industries.map((industry) => industry.value),
      types.map((type) => type.value),
      siteEnv().SITE_CASES_PER_PAGE ?? CASES_PER_PAGE,
    );
    return { views, industries, types };
  })();
  return gallery;
}
