import type { APIRoute } from "astro";
import { siteEnv } from "../env.ts";

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\nDisallow: /thanks/\nDisallow: /embed/\n\nSitemap: ${siteEnv().SITE_URL}/sitemap.xml\n`,
    {
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    },
  );
