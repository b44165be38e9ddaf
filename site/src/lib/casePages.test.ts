/** The case gallery's pages: every filter and page has one URL, every case is on its pages. */
import { describe, expect, it } from "vitest";
import { casePages, casesPath, pagerItems, restParam } from "./casePages.ts";

const INDUSTRIES = ["catering", "retail", "education"];
const TYPES = ["personal", "enterprise"];

/** `count` cases spread over the industries and types, except education × enterprise. */
function cases(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const industry = INDUSTRIES[index % INDUSTRIES.length] as string;
    const slug = industry === "education" ? "personal" : (TYPES[index % TYPES.length] as string);
    return { id: index, industry, filingType: { slug } };
  });
}

describe("casesPath", () => {
  it("gives each filter and page one path, page 1 without /page/1/", () => {
    expect(casesPath({ industry: null, type: null })).toBe("/cases/");
    expect(casesPath({ industry: null, type: null }, 2)).toBe("/cases/page/2/");
    expect(casesPath({ industry: "catering", type: null })).toBe("/cases/industry/catering/");
    expect(casesPath({ industry: null, type: "enterprise" }, 3)).toBe(
      "/cases/type/enterprise/page/3/",
    );
    expect(casesPath({ industry: "catering", type: "enterprise" }, 1)).toBe(
      "/cases/industry/catering/type/enterprise/",
    );
  });

  it("turns a path into the route's rest parameter", () => {
    expect(restParam("/cases/")).toBeUndefined();
    expect(restParam("/cases/type/enterprise/page/3/")).toBe("type/enterprise/page/3");
  });
});

describe("casePages", () => {
  const all = cases(100);
  const pages = casePages(all, INDUSTRIES, TYPES, 24);

  it("cuts all cases into pages of at most 24, in their order, none left out or repeated", () => {
    const unfiltered = pages.filter((page) => !page.filter.industry && !page.filter.type);
    expect(unfiltered.map((page) => page.path)).toEqual([
      "/cases/",
      "/cases/page/2/",
      "/cases/page/3/",
      "/cases/page/4/",
      "/cases/page/5/",
    ]);
    expect(unfiltered.map((page) => page.cases.length)).toEqual([24, 24, 24, 24, 4]);
    expect(unfiltered.every((page) => page.pages === 5)).toBe(true);
    expect(unfiltered.flatMap((page) => page.cases.map((item) => item.id))).toEqual(
      all.map((item) => item.id),
    );
  });

  it("gives every filter (industry, type, both) its own pages with exactly its cases", () => {
    const catering = pages.filter(
      (page) => page.filter.industry === "catering" && page.filter.type === null,
    );
    expect(catering.map((page) => page.path)).toEqual([
      "/cases/industry/catering/",
      "/cases/industry/catering/page/2/",
    ]);
    expect(catering.flatMap((page) => page.cases.map((item) => item.id))).toEqual(
      all.filter((item) => item.industry === "catering").map((item) => item.id),
    );
    const both = pages.filter(
      (page) => page.filter.industry === "retail" && page.filter.type === "enterprise",
    );
    expect(both.flatMap((page) => page.cases)).toEqual(
      all.filter((item) => item.industry === "retail" && item.filingType.slug === "enterprise"),
    );
    // (1 + 3 industries) × (1 + 2 types) filters, each with its pages; paths are unique.
    const filters = new Set(pages.map((page) => `${page.filter.industry}/${page.filter.type}`));
    expect(filters.size).toBe(12);
    expect(new Set(pages.map((page) => page.path)).size).toBe(pages.length);
  });

  it("gives a filter without cases one page, which says so", () => {
    const empty = pages.filter(
      (page) => page.filter.industry === "education" && page.filter.type === "enterprise",
    );
    expect(empty).toEqual([
      expect.objectContaining({
        page: 1,
        pages: 1,
        cases: [],
        path: "/cases/industry/education/type/enterprise/",
      }),
    ]);
  });

  it("has one page when there are no cases at all", () => {
    expect(casePages([], [], [], 24).map((page) => page.path)).toEqual(["/cases/"]);
  });
});

describe("pagerItems", () => {
  it("shows every page of a short list", () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the first, the last and two around the current page, with gaps", () => {
    expect(pagerItems(1, 209)).toEqual([1, 2, 3, "gap", 209]);
    expect(pagerItems(50, 209)).toEqual([1, "gap", 48, 49, 50, 51, 52, "gap", 209]);
    expect(pagerItems(209, 209)).toEqual([1, "gap", 207, 208, 209]);
  });

  it("shows a single left-out number instead of a gap", () => {
    expect(pagerItems(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pagerItems(4, 9)).toEqual([1, 2, 3, 4, 5, 6, "gap", 9]);
  });
});
