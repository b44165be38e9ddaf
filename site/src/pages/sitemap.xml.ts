import type { APIRoute } from "astro";
import { siteEnv } from "../env.ts";
import { caseGallery } from "../lib/caseGallery.ts";
import { ordered } from "../lib/content.ts";

/** Every indexable page; /thanks/ and the 404 page are left out on purpose. */
export const GET: APIRoute = async () => {
  const { SITE_URL } = siteEnv();
  const types = await ordered("filingTypes");
  const { views } = await caseGallery();
  const paths = [
    "/",
    "/guide/",
    "/faq/",
    // Every page of the case gallery: each filter and page number is a page of its own.
    ...views.map((view) => view.path),
    ...types.map((type) => `/types/${type.data.slug}/`),
    "/privacy/",
    "/track/",
    "/my/",
    "/contact/",
  ];
  const urls = paths.map((path) => `  <url><loc>${SITE_URL}${path}</loc></url>`).join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { "Content-Type": "application/xml; charset=utf-8" } },
  );
};
