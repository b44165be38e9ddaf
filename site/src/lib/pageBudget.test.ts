/**
 * A year of content must not make a slow page: with 5,000 published cases, every page of the case
 * gallery (each filter, each page number), rendered by the real page and layout with Astro's
 * container, stays under the site's budget of 200 KB of HTML, and the sitemap lists every one.
 * Before the gallery was paginated, /cases/ carried every case: about 2.75 KB a case, 13 MB here.
 * The same for /faq/ with the seed's FAQs and 300 more as long as the bench's (bench/lib/content.ts).
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { faqDoc } from "../../../bench/lib/content.ts";
import * as seed from "../../../cms/src/seed/content.ts";
import { demoCases } from "../../../cms/src/seed/demo.ts";
import { logoSvg } from "../../../cms/src/seed/logo.ts";
import { labels, navigation, pages } from "../../../cms/src/seed/pages.ts";
import * as schema from "./schemas.ts";
import { FAQ_JSON_LD_MAX_QUESTIONS } from "./seo.ts";

/** The most HTML one page of the site may weigh (uncompressed). */
const PAGE_BUDGET_BYTES = 200_000;
/**
 * What the container renders, without the stylesheet the real build inlines into every page
 * (astro.config.ts: inlineStylesheets "always"): the budget less the stylesheet, unminified.
 */
const RENDERED_BUDGET_BYTES =
  PAGE_BUDGET_BYTES -
  statSync(fileURLToPath(new URL("../styles/global.css", import.meta.url))).size;
const CASES = 5_000;
/** As many FAQs beside the seed's as the bench publishes. */
const EXTRA_FAQS = 300;
const SITE_URL = "http://127.0.0.1:4321";

/** What astro:content answers in this test: the seed's content beside 5,000 generated cases. */
const content = vi.hoisted(() => ({
  collections: new Map<string, { id: string; data: unknown }[]>(),
}));

vi.mock("astro:content", () => ({
  getCollection: async (name: string) => content.collections.get(name) ?? [],
  getEntry: async (name: string, id: string) =>
    content.collections.get(name)?.find((entry) => entry.id === id),
}));

const entries = <T>(items: T[], id: (item: T, index: number) => string) =>
  items.map((data, index) => ({ id: id(data, index), data }));

/** Case n: a demo case's words and logo, each with its own logo file and QR code. */
function generatedCase(index: number) {
  const demo = demoCases[index % demoCases.length];
  if (!demo) throw new Error("the seed has no demo cases");
  const type = seed.filingTypes.find((item) => item.slug === demo.filingType);
  return schema.caseStudy.parse({
    ...demo,
    name: `${demo.name} ${index + 1}`,
    filingType: { slug: demo.filingType, name: type?.name },
    logo: {
      url: `/api/media/file/case-logo-${index + 1}.svg`,
      alt: demo.name,
      mimeType: "image/svg+xml",
      width: 96,
      height: 96,
    },
    // As long as the CMS's generated codes; each one differs, so each has its own raster.
    qrCodeSvg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33"><path d="M${index} 0h1v1h-1z"/></svg>`,
    order: index,
  });
}

beforeAll(() => {
  const settings = schema.siteSettings.parse({
    ...seed.siteSettings,
    navigation,
    labels,
    updatedAt: "2026-12-01T00:00:00Z",
  });
  content.collections.set("siteSettings", [{ id: "main", data: settings }]);
  content.collections.set("landing", [{ id: "main", data: schema.landing.parse(seed.landing) }]);
  content.collections.set(
    "pages",
    entries(
      pages.map((page) => schema.page.parse(page)),
      (page) => page.slug,
    ),
  );
  content.collections.set(
    "filingTypes",
    entries(
      seed.filingTypes.map((type) => schema.filingType.parse(type)),
      (type) => type.slug,
    ),
  );
  content.collections.set(
    "cases",
    entries(
      Array.from({ length: CASES }, (_, index) => generatedCase(index)),
      (_, index) => String(index + 1),
    ),
  );
  content.collections.set(
    "faqs",
    entries(
      [
        ...seed.faqs.map((faq) => schema.faq.parse(faq)),
        ...Array.from({ length: EXTRA_FAQS }, (_, index) => schema.faq.parse(faqDoc(index, "run"))),
      ],
      (faq) => faq.anchor,
    ),
  );
  // The case logos' SVGs, as the CMS serves its uploads.
  vi.stubGlobal("fetch", async () => new Response(logoSvg("示例", "#1f5fbf")));
});

type TView = { path: string; cases: unknown[] };
type TPath = { params: { path?: string }; props: { view: TView } };

describe(`the case gallery with ${CASES.toLocaleString("en")} cases`, () => {
  it("renders no page over 200 KB of HTML, and the sitemap lists every page", async () => {
    const gallery = await import("../pages/cases/[...path].astro");
    const sitemap = await import("../pages/sitemap.xml.ts");
    const paths = (await gallery.getStaticPaths()) as TPath[];
    const container = await AstroContainer.create();

    const sizes: { path: string; bytes: number }[] = [];
    for (const { params, props } of paths) {
      const html = await container.renderToString(gallery.default, {
        params,
        props,
        request: new Request(new URL(props.view.path, SITE_URL)),
      });
      expect(html).toContain(`<link rel="canonical" href="${SITE_URL}${props.view.path}"`);
      sizes.push({ path: props.view.path, bytes: Buffer.byteLength(html) });
    }
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    expect(largest.bytes, `${largest.path} weighs ${largest.bytes} bytes`).toBeLessThan(
      RENDERED_BUDGET_BYTES,
    );
    // Every case is on the unfiltered pages: nothing was cut to fit the budget.
    const unfiltered = paths.filter(({ props }) =>
      /^\/cases\/(page\/\d+\/)?$/.test(props.view.path),
    );
    expect(unfiltered.reduce((sum, { props }) => sum + props.view.cases.length, 0)).toBe(CASES);

    const response = await sitemap.GET({} as never);
    const listed = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => match[1],
    );
    expect(listed).toEqual(expect.arrayContaining(sizes.map((page) => `${SITE_URL}${page.path}`)));
  });
});

describe(`/faq/ with ${EXTRA_FAQS.toLocaleString("en")} FAQs beside the seed's`, () => {
  it("stays under 200 KB of HTML, every question on it, the first ones in its FAQPage data", async () => {
    const faqPage = await import("../pages/faq.astro");
    const container = await AstroContainer.create();
    const html = await container.renderToString(faqPage.default, {
      request: new Request(new URL("/faq/", SITE_URL)),
    });
    const bytes = Buffer.byteLength(html);
    expect(bytes, `/faq/ weighs ${bytes} bytes`).toBeLessThan(RENDERED_BUDGET_BYTES);

    const faqs = (content.collections.get("faqs") ?? []) as { data: { anchor: string } }[];
    expect(faqs).toHaveLength(seed.faqs.length + EXTRA_FAQS);
    for (const { data } of faqs) expect(html).toContain(`<details id="${data.anchor}">`);
    // The structured data names the editors' first questions (by order), each also on the page.
    const jsonLd = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
    const faqPageData = (
      JSON.parse(jsonLd ?? "[]") as { "@type": string; mainEntity?: { name: string }[] }[]
    ).find((item) => item["@type"] === "FAQPage");
    expect(faqPageData?.mainEntity?.map((question) => question.name)).toEqual(
      seed.faqs
        .map((faq) => faq.question)
        .concat(Array.from({ length: EXTRA_FAQS }, (_, index) => faqDoc(index, "run").question))
        .slice(0, FAQ_JSON_LD_MAX_QUESTIONS),
    );
  });
});
