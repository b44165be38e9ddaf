/**
 * /img/<hash>-<w>x<h>.webp (.png for a generated QR code): each SVG image the site shows, drawn at
 * build time at the size it is shown (lib/svgRaster.ts says why; lib/svgImages.ts lists them).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { buildCacheDir } from "../../env.ts";
import { svgImagesOnSite } from "../../lib/svgImages.ts";
import { cachedRaster, rasterContentType, type TSvgImage } from "../../lib/svgRaster.ts";

export const getStaticPaths = (async () =>
  [...(await svgImagesOnSite())].map(([file, image]) => ({
    params: { file },
    props: { image },
    // The name is the SVG's hash and the box: the same name is the same file (lib/pageKeys.ts).
    cacheKey: file,
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: TSvgImage }> = async ({ params, props }) =>
  new Response(new Uint8Array(await cachedRaster(props.image, buildCacheDir())), {
    headers: { "Content-Type": rasterContentType(String(params.file)) },
  });
