/**
 * /img/<hash>-<w>x<h>.webp: each SVG image the site shows, drawn at build time at the size it is
 * shown (lib/svgRaster.ts says why; lib/svgImages.ts lists them).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { siteEnv } from "../../env.ts";
import { svgImagesOnSite } from "../../lib/svgImages.ts";
import { cachedRaster, type TSvgImage } from "../../lib/svgRaster.ts";

/** Astro's own cache folder (release.ts sets one per CMS; a plain `astro build` uses Astro's default). */
const cacheDir = siteEnv().SITE_CACHE_DIR ?? "node_modules/.astro";

export const getStaticPaths = (async () =>
  [...(await svgImagesOnSite())].map(([file, image]) => ({
    params: { file },
    props: { image },
    // The name is the SVG's hash and the box: the same name is the same file (lib/pageKeys.ts).
    cacheKey: file,
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: TSvgImage }> = async ({ props }) =>
  new Response(new Uint8Array(await cachedRaster(props.image, cacheDir)), {
    headers: { "Content-Type": "image/webp" },
  });
