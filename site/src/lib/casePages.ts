/**
 * The case gallery as static pages: every filter (industry, filing type, both) has its own URL and
 * its own numbered pages, so a visitor filters and pages with plain links, without JavaScript, and
 * each view can be shared. One page carries at most CASES_PER_PAGE cases, which keeps every page's
 * HTML far below the site's 200 KB budget however many cases the agency publishes.
 *
 *   /cases/                                     all cases, page 1
 *   /cases/page/2/                              all cases, page 2
 *   /cases/industry/catering/                   one industry
 *   /cases/type/enterprise/page/3/              one filing type, page 3
 *   /cases/industry/catering/type/enterprise/   both
 */

/** Cases on one page: a multiple of 2, 3 and 4, so the grid's last row is full at every width. */
export const CASES_PER_PAGE = 24;

/** A filter: null means "all" for that dimension. */
export type TCaseFilter = { industry: string | null; type: string | null };

/** What the pages need to know of a case to sort it into filters. */
export type TFilterable = { industry: string; filingType: { slug: string } };

export type TCasePage<T> = {
  filter: TCaseFilter;
  /** 1-based. */
  page: number;
  /** Pages of this filter (at least 1: an empty filter has one page that says so). */
  pages: number;
  cases: T[];
  /** The page's path, with the trailing slash the site uses. */
  path: string;
};

export const ALL: TCaseFilter = { industry: null, type: null };

/** The path of a filter's page (page 1 has no /page/1/: one URL per page). */
export function casesPath(filter: TCaseFilter, page = 1): string {
  let path = "/cases/";
  if (filter.industry) path += `industry/${filter.industry}/`;
  if (filter.type) path += `type/${filter.type}/`;
  if (page > 1) path += `page/${page}/`;
  return path;
}

/** The rest parameter of pages/cases/[...path].astro for a path (undefined for /cases/). */
export function restParam(path: string): string | undefined {
  const rest = path.replace(/^\/cases\//, "").replace(/\/$/, "");
  return rest === "" ? undefined : rest;
}

export function matches(item: TFilterable, filter: TCaseFilter): boolean {
  return (
    (filter.industry === null || item.industry === filter.industry) &&
    (filter.type === null || item.filingType.slug === filter.type)
  );
}

/**
 * Every page of the gallery: all cases and each filter a visitor can choose (each industry, each
 * filing type and each pair of them), cut into pages of `perPage` in the cases' given order.
 * `industries` and `types` are the choices the filter bar offers.
 */
export function casePages<T extends TFilterable>(
  cases: readonly T[],
  industries: readonly string[],
  types: readonly string[],
  perPage = CASES_PER_PAGE,
): TCasePage<T>[] {
  const pages: TCasePage<T>[] = [];
  for (const industry of [null, ...industries]) {
    for (const type of [null, ...types]) {
      const filter = { industry, type };
      const chosen = cases.filter((item) => matches(item, filter));
      const count = Math.max(1, Math.ceil(chosen.length / perPage));
      for (let page = 1; page <= count; page++) {
        pages.push({
          filter,
          page,
          pages: count,
          cases: chosen.slice((page - 1) * perPage, page * perPage),
          path: casesPath(filter, page),
        });
      }
    }
  }
  return pages;
}

/** A numbered link of the pager, or a gap ("…") between numbers that are left out. */
export type TPagerItem = number | "gap";

/**
 * The page numbers the pager shows: the first, the last, and `around` on each side of the current
 * one; a gap where numbers are left out (a single left-out number is shown instead of a gap).
 */
export function pagerItems(current: number, pages: number, around = 2): TPagerItem[] {
  const shown = new Set<number>([1, pages]);
  for (let page = current - around; page <= current + around; page++) {
    if (page >= 1 && page <= pages) shown.add(page);
  }
  const sorted = [...shown].sort((a, b) => a - b);
  const items: TPagerItem[] = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) items.push(page - 1);
    else if (page - previous > 2) items.push("gap");
    items.push(page);
    previous = page;
  }
  return items;
}
